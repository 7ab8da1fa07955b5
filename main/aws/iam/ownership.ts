/**
 * Refusing what the setup did not make: a group or user of the chosen name
 * that belongs to someone else is named with its current policies (so the user
 * sees what it would have inherited) and a free name is suggested. Reading the
 * policies is best effort: a refused read still refuses the name.
 */
import {
  GetGroupCommand,
  GetUserCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';

import { hasAwsCode, iamError } from './iam-errors';
import type { AppError } from '../../../common/errors';

const policyName = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);
const MAX_LISTED = 8;

function listed(names: string[]): string {
  if (names.length === 0) return '-';
  const shown = names.slice(0, MAX_LISTED).join(', ');
  return names.length > MAX_LISTED ? `${shown}, +${names.length - MAX_LISTED}` : shown;
}

async function readOrNothing(task: () => Promise<string[]>): Promise<string[] | undefined> {
  try {
    return await task();
  } catch {
    return undefined;
  }
}

/** Managed policy names, then inline ones as `name (inline)`; undefined when IAM refused to say. */
export async function groupPolicies(iam: IAMClient, groupName: string, signal?: AbortSignal): Promise<string[] | undefined> {
  return readOrNothing(async () => {
    const attached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName }), { abortSignal: signal });
    const inline = await iam.send(new ListGroupPoliciesCommand({ GroupName: groupName }), { abortSignal: signal });
    return [
      ...(attached.AttachedPolicies ?? []).map((p) => policyName(p.PolicyArn ?? p.PolicyName ?? '')),
      ...(inline.PolicyNames ?? []).map((name) => `${name} (inline)`),
    ];
  });
}

/** The user's own managed and inline policies and its groups (`group: name`). */
export async function userPolicies(iam: IAMClient, userName: string, signal?: AbortSignal): Promise<string[] | undefined> {
  return readOrNothing(async () => {
    const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName }), { abortSignal: signal });
    const inline = await iam.send(new ListUserPoliciesCommand({ UserName: userName }), { abortSignal: signal });
    const groups = await iam.send(new ListGroupsForUserCommand({ UserName: userName }), { abortSignal: signal });
    return [
      ...(attached.AttachedPolicies ?? []).map((p) => policyName(p.PolicyArn ?? p.PolicyName ?? '')),
      ...(inline.PolicyNames ?? []).map((name) => `${name} (inline)`),
      ...(groups.Groups ?? []).map((g) => `group ${g.GroupName ?? ''}`),
    ];
  });
}

/** `<name>-2`, `<name>-3`, … the first IAM says does not exist (or the first candidate when IAM will not say). */
export async function freeName(exists: (name: string) => Promise<boolean>, name: string, maxLength: number): Promise<string> {
  const candidate = (n: number) => `${name.slice(0, maxLength - String(n).length - 1)}-${n}`;
  for (let n = 2; n < 10; n += 1) {
    try {
      if (!(await exists(candidate(n)))) return candidate(n);
    } catch {
      return candidate(n);
    }
  }
  return candidate(10);
}

async function entityExists(task: () => Promise<unknown>): Promise<boolean> {
  try {
    await task();
    return true;
  } catch (error) {
    if (hasAwsCode(error, 'NoSuchEntity')) return false;
    throw error;
  }
}

/** `iam.groupTaken`: the group exists and this setup did not create it. */
export async function groupTakenError(iam: IAMClient, groupName: string, signal?: AbortSignal): Promise<AppError> {
  const policies = await groupPolicies(iam, groupName, signal);
  const suggestion = await freeName((name) => entityExists(() => iam.send(new GetGroupCommand({ GroupName: name, MaxItems: 1 }), { abortSignal: signal })), groupName, 128);
  return iamError('groupTaken', `An IAM group named ${groupName} already exists and was not made by this setup`, {
    groupName,
    policies: policies ? listed(policies) : '?',
    suggestion,
  });
}

/** `iam.userTaken`: the user exists without this setup's tag. */
export async function userTakenError(iam: IAMClient, userName: string, signal?: AbortSignal): Promise<AppError> {
  const policies = await userPolicies(iam, userName, signal);
  const suggestion = await freeName((name) => entityExists(() => iam.send(new GetUserCommand({ UserName: name }), { abortSignal: signal })), userName, 64);
  return iamError('userTaken', `An IAM user named ${userName} already exists and was not made by this setup`, {
    userName,
    policies: policies ? listed(policies) : '?',
    suggestion,
  });
}
