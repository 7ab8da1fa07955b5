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
 * attached), never one someone else attached. A changed group name retires
 * the setup's earlier group (the user leaves it; it is deleted when empty).
 */
import {
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DetachGroupPolicyCommand,
  GetGroupCommand,
  PutGroupPolicyCommand,
  RemoveUserFromGroupCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';

import type { IamResources } from '../../../common/contract/schemas/iam';
import { hasAwsCode, toIamError } from './iam-errors';
import { withItem, withoutItems, type IamLedger } from './ledger';
import { groupTakenError } from './ownership';
import { managedPolicyArn, type PolicyPreset } from './policy-presets';

/** How far AWS's clock may be behind ours when a crashed CreateGroup is adopted. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * True when a group was created after this setup's intent to create it (an
 * earlier run's CreateGroup whose answer a crash lost, or the CloudShell block
 * generated for this setup, which refuses to run when the group exists).
 */
export function madeAfterIntent(createdAt: number | undefined, pending: { at: number } | undefined): boolean {
  return pending !== undefined && createdAt !== undefined && createdAt >= pending.at - CLOCK_SKEW_MS;
}

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

const forgetGroup = ({ groupCreated: _g, attachedPolicyArns: _a, inlinePolicyNames: _i, ...rest }: IamResources): IamResources => rest;

async function groupExists(iam: IAMClient, groupName: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await iam.send(new GetGroupCommand({ GroupName: groupName, MaxItems: 1 }), { abortSignal: signal });
    return true;
  } catch (error) {
    if (hasAwsCode(error, 'NoSuchEntity')) return false;
    throw toIamError(error, 'iam:GetGroup');
  }
}

/**
 * The group this setup made under an earlier name: its user leaves it (so the
 * earlier group's policies no longer apply), and it is deleted with the
 * policies the setup put there when nobody else is in it. A group someone else
 * still uses is left as it is. Either way the ledger forgets it.
 */
async function retireGroup(iam: IAMClient, groupName: string, userName: string, ledger: IamLedger, signal?: AbortSignal): Promise<void> {
  const opts = { abortSignal: signal };
  const record = await ledger.read();
  try {
    await gone(() => iam.send(new RemoveUserFromGroupCommand({ GroupName: groupName, UserName: userName }), opts));
    const out = await iam.send(new GetGroupCommand({ GroupName: groupName }), opts).catch((error: unknown) => {
      if (hasAwsCode(error, 'NoSuchEntity')) return undefined;
      throw error;
    });
    if (out && (out.Users ?? []).length === 0) {
      for (const arn of record.attachedPolicyArns ?? []) await gone(() => iam.send(new DetachGroupPolicyCommand({ GroupName: groupName, PolicyArn: arn }), opts));
      for (const name of record.inlinePolicyNames ?? []) await gone(() => iam.send(new DeleteGroupPolicyCommand({ GroupName: groupName, PolicyName: name }), opts));
      // DeleteConflict: someone else attached a policy meanwhile; the group stays with it.
      await gone(() => iam.send(new DeleteGroupCommand({ GroupName: groupName }), opts)).catch((error: unknown) => {
        if (!hasAwsCode(error, 'DeleteConflict')) throw error;
      });
    }
  } catch (error) {
    throw toIamError(error, 'iam:RemoveUserFromGroup');
  }
  await ledger.update(forgetGroup);
}

/** Creates the group, or proves an existing one is this setup's; false when it existed already. */
async function createOwned(iam: IAMClient, groupName: string, ledger: IamLedger, signal?: AbortSignal): Promise<boolean> {
  let record = await ledger.read();
  if (record.groupCreated === groupName) {
    if (await groupExists(iam, groupName, signal)) return false;
    // Deleted outside Onramp since: forget it and its policies, and make it again.
    await ledger.update(forgetGroup);
    record = await ledger.read();
  }
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
  // A CreateGroup of an earlier run that died before its answer was recorded, or the CloudShell block's.
  if (madeAfterIntent(createdAt, pending)) {
    await ledger.update(({ pendingGroup: _, ...r }) => ({ ...r, groupCreated: groupName }));
    return false;
  }
  await ledger.update(({ pendingGroup: _, ...r }) => r);
  throw await groupTakenError(iam, groupName, signal);
}

export async function ensureGroup(
  iam: IAMClient,
  { groupName, preset, partition, userName }: { groupName: string; preset: PolicyPreset; partition: string; userName?: string },
  ledger: IamLedger,
  signal?: AbortSignal,
): Promise<EnsureGroupResult> {
  const earlier = (await ledger.read()).groupCreated;
  if (earlier !== undefined && earlier !== groupName && userName !== undefined) await retireGroup(iam, earlier, userName, ledger, signal);
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
