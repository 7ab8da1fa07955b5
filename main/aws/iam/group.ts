/**
 * The group with its policy preset. CreateGroup on an existing group reuses it
 * (after GetGroup proves it is there); managed policies already attached are
 * not attached again; the inline policy is written with PutGroupPolicy, which
 * replaces a same-named policy instead of adding a second one.
 */
import {
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  GetGroupCommand,
  ListAttachedGroupPoliciesCommand,
  PutGroupPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';

import { hasAwsCode, toIamError } from './iam-errors';
import { managedPolicyArn, type PolicyPreset } from './policy-presets';

export interface EnsureGroupResult {
  created: boolean;
  /** Managed policy ARNs this call attached (the others were attached already). */
  attached: string[];
}

async function createOrReuse(iam: IAMClient, groupName: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await iam.send(new CreateGroupCommand({ GroupName: groupName }), { abortSignal: signal });
    return true;
  } catch (error) {
    if (!hasAwsCode(error, 'EntityAlreadyExists')) throw toIamError(error, 'iam:CreateGroup');
  }
  try {
    await iam.send(new GetGroupCommand({ GroupName: groupName, MaxItems: 1 }), { abortSignal: signal });
  } catch (error) {
    throw toIamError(error, 'iam:GetGroup');
  }
  return false;
}

async function attachedPolicyArns(iam: IAMClient, groupName: string, signal?: AbortSignal): Promise<Set<string>> {
  const arns = new Set<string>();
  let marker: string | undefined;
  try {
    do {
      const page = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName, Marker: marker }), { abortSignal: signal });
      for (const policy of page.AttachedPolicies ?? []) if (policy.PolicyArn) arns.add(policy.PolicyArn);
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
  } catch (error) {
    throw toIamError(error, 'iam:ListAttachedGroupPolicies');
  }
  return arns;
}

export async function ensureGroup(
  iam: IAMClient,
  { groupName, preset, partition }: { groupName: string; preset: PolicyPreset; partition: string },
  signal?: AbortSignal,
): Promise<EnsureGroupResult> {
  const created = await createOrReuse(iam, groupName, signal);
  const existing = created ? new Set<string>() : await attachedPolicyArns(iam, groupName, signal);
  const attached: string[] = [];
  for (const name of preset.managed) {
    const arn = managedPolicyArn(partition, name);
    if (existing.has(arn)) continue;
    try {
      await iam.send(new AttachGroupPolicyCommand({ GroupName: groupName, PolicyArn: arn }), { abortSignal: signal });
    } catch (error) {
      throw toIamError(error, 'iam:AttachGroupPolicy');
    }
    attached.push(arn);
  }
  if (preset.inline) {
    try {
      await iam.send(
        new PutGroupPolicyCommand({ GroupName: groupName, PolicyName: preset.inline.name, PolicyDocument: preset.inline.document }),
        { abortSignal: signal },
      );
    } catch (error) {
      throw toIamError(error, 'iam:PutGroupPolicy');
    }
  }
  return { created, attached };
}
