/**
 * The group with its policy preset, only ever one this setup created. IAM
 * groups carry no tags, so the ledger (setup.json resources.iam) is the proof:
 * the intent (`pendingGroup`) is written before CreateGroup, and a rerun after
 * a crash adopts the group only when it was made after that intent. Any other
 * existing group is refused (iam.groupTaken, naming its policies), because
 * attaching to it would widen what its members may do.
 *
 * Policies: each one is recorded before it is attached or written, so a
 * changed preset detaches exactly the old preset's policies (those this setup
 * attached), never one someone else attached.
 */
import {
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  DeleteGroupPolicyCommand,
  DetachGroupPolicyCommand,
  GetGroupCommand,
  PutGroupPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';

import { hasAwsCode, toIamError } from './iam-errors';
import { withItem, withoutItems, type IamLedger } from './ledger';
import { groupTakenError } from './ownership';
import { managedPolicyArn, type PolicyPreset } from './policy-presets';

/** How far AWS's clock may be behind ours when a crashed CreateGroup is adopted. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface EnsureGroupResult {
  created: boolean;
  /** Managed policy ARNs this call attached. */
  attached: string[];
  /** Policies of an earlier preset this call removed (managed ARNs and inline names). */
  removed: string[];
}

async function gone(task: () => Promise<unknown>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (!hasAwsCode(error, 'NoSuchEntity')) throw error;
  }
}

/** Creates the group, or proves an existing one is this setup's; false when it existed already. */
async function createOwned(iam: IAMClient, groupName: string, ledger: IamLedger, signal?: AbortSignal): Promise<boolean> {
  const record = await ledger.read();
  if (record.groupCreated === groupName) return false;
  const at = Date.now();
  await ledger.update((r) => ({ ...r, pendingGroup: { name: groupName, at } }));
  try {
    await iam.send(new CreateGroupCommand({ GroupName: groupName }), { abortSignal: signal });
    await ledger.update(({ pendingGroup: _, ...r }) => ({ ...r, groupCreated: groupName, attachedPolicyArns: [], inlinePolicyNames: [] }));
    return true;
  } catch (error) {
    if (!hasAwsCode(error, 'EntityAlreadyExists')) throw toIamError(error, 'iam:CreateGroup');
  }
  const pending = record.pendingGroup?.name === groupName ? record.pendingGroup : undefined;
  let createdAt: number | undefined;
  try {
    const out = await iam.send(new GetGroupCommand({ GroupName: groupName, MaxItems: 1 }), { abortSignal: signal });
    createdAt = out.Group?.CreateDate?.getTime();
  } catch (error) {
    throw toIamError(error, 'iam:GetGroup');
  }
  // A CreateGroup of an earlier run that died before its answer was recorded.
  if (pending && createdAt !== undefined && createdAt >= pending.at - CLOCK_SKEW_MS) {
    await ledger.update(({ pendingGroup: _, ...r }) => ({ ...r, groupCreated: groupName }));
    return false;
  }
  await ledger.update(({ pendingGroup: _, ...r }) => r);
  throw await groupTakenError(iam, groupName, signal);
}

export async function ensureGroup(
  iam: IAMClient,
  { groupName, preset, partition }: { groupName: string; preset: PolicyPreset; partition: string },
  ledger: IamLedger,
  signal?: AbortSignal,
): Promise<EnsureGroupResult> {
  const created = await createOwned(iam, groupName, ledger, signal);
  const wantedArns = preset.managed.map((name) => managedPolicyArn(partition, name));
  const wantedInline = (preset.inline ?? []).map((policy) => policy.name);
  const record = await ledger.read();
  const removed: string[] = [];

  for (const arn of withoutItems(record.attachedPolicyArns, wantedArns)) {
    try {
      await gone(() => iam.send(new DetachGroupPolicyCommand({ GroupName: groupName, PolicyArn: arn }), { abortSignal: signal }));
    } catch (error) {
      throw toIamError(error, 'iam:DetachGroupPolicy');
    }
    await ledger.update((r) => ({ ...r, attachedPolicyArns: withoutItems(r.attachedPolicyArns, [arn]) }));
    removed.push(arn);
  }
  for (const name of withoutItems(record.inlinePolicyNames, wantedInline)) {
    try {
      await gone(() => iam.send(new DeleteGroupPolicyCommand({ GroupName: groupName, PolicyName: name }), { abortSignal: signal }));
    } catch (error) {
      throw toIamError(error, 'iam:DeleteGroupPolicy');
    }
    await ledger.update((r) => ({ ...r, inlinePolicyNames: withoutItems(r.inlinePolicyNames, [name]) }));
    removed.push(name);
  }

  const attached: string[] = [];
  for (const arn of wantedArns) {
    // Recorded first: a crash right after AttachGroupPolicy still knows this setup attached it.
    // Attaching an attached policy again is a no-op in IAM, so a recorded one is attached again in case the crash came first.
    await ledger.update((r) => ({ ...r, attachedPolicyArns: withItem(r.attachedPolicyArns, arn) }));
    try {
      await iam.send(new AttachGroupPolicyCommand({ GroupName: groupName, PolicyArn: arn }), { abortSignal: signal });
    } catch (error) {
      throw toIamError(error, 'iam:AttachGroupPolicy');
    }
    if (!record.attachedPolicyArns?.includes(arn)) attached.push(arn);
  }
  for (const policy of preset.inline ?? []) {
    await ledger.update((r) => ({ ...r, inlinePolicyNames: withItem(r.inlinePolicyNames, policy.name) }));
    try {
      // PutGroupPolicy replaces a same-named policy, so writing it again is idempotent.
      await iam.send(new PutGroupPolicyCommand({ GroupName: groupName, PolicyName: policy.name, PolicyDocument: policy.document }), { abortSignal: signal });
    } catch (error) {
      throw toIamError(error, 'iam:PutGroupPolicy');
    }
  }
  return { created, attached, removed };
}
