/**
 * The IAM user, tagged `onramp:setup=<setupId>`. An existing user of the same
 * name is reused only when it carries this setup's tag; any other user of that
 * name belongs to someone else and is refused (iam.userTaken, naming its
 * policies and a free name). Group membership: AddUserToGroup is itself idempotent.
 */
import {
  AddUserToGroupCommand,
  CreateUserCommand,
  GetUserCommand,
  ListGroupsForUserCommand,
  type IAMClient,
  type User,
} from '@aws-sdk/client-iam';

import { hasAwsCode, iamError, toIamError } from './iam-errors';
import type { IamLedger } from './ledger';
import { userTakenError } from './ownership';

export const SETUP_TAG_KEY = 'onramp:setup';

export interface EnsureUserResult {
  created: boolean;
  arn: string;
}

export function isTaggedFor(user: Pick<User, 'Tags'> | undefined, setupId: string): boolean {
  return (user?.Tags ?? []).some((tag) => tag.Key === SETUP_TAG_KEY && tag.Value === setupId);
}

/** GetUser, or undefined when there is no such user. */
export async function findUser(iam: IAMClient, userName: string, signal?: AbortSignal): Promise<User | undefined> {
  try {
    return (await iam.send(new GetUserCommand({ UserName: userName }), { abortSignal: signal })).User;
  } catch (error) {
    if (hasAwsCode(error, 'NoSuchEntity')) return undefined;
    throw toIamError(error, 'iam:GetUser');
  }
}

export async function ensureUser(
  iam: IAMClient,
  { userName, setupId }: { userName: string; setupId: string },
  ledger: IamLedger,
  signal?: AbortSignal,
): Promise<EnsureUserResult> {
  const record = () => ledger.update((r) => ({ ...r, userCreated: userName }));
  try {
    const out = await iam.send(
      new CreateUserCommand({ UserName: userName, Tags: [{ Key: SETUP_TAG_KEY, Value: setupId }] }),
      { abortSignal: signal },
    );
    await record();
    return { created: true, arn: out.User?.Arn ?? '' };
  } catch (error) {
    if (!hasAwsCode(error, 'EntityAlreadyExists')) throw toIamError(error, 'iam:CreateUser');
  }
  const existing = await findUser(iam, userName, signal);
  // The tag is the proof, also after a crash right after CreateUser.
  if (!existing || !isTaggedFor(existing, setupId)) throw await userTakenError(iam, userName, signal);
  await record();
  return { created: false, arn: existing.Arn ?? '' };
}

export async function isInGroup(iam: IAMClient, userName: string, groupName: string, signal?: AbortSignal): Promise<boolean> {
  let marker: string | undefined;
  try {
    do {
      const page = await iam.send(new ListGroupsForUserCommand({ UserName: userName, Marker: marker }), { abortSignal: signal });
      if ((page.Groups ?? []).some((group) => group.GroupName === groupName)) return true;
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
  } catch (error) {
    throw toIamError(error, 'iam:ListGroupsForUser');
  }
  return false;
}

export async function addUserToGroup(iam: IAMClient, userName: string, groupName: string, signal?: AbortSignal): Promise<void> {
  try {
    await iam.send(new AddUserToGroupCommand({ UserName: userName, GroupName: groupName }), { abortSignal: signal });
  } catch (error) {
    if (hasAwsCode(error, 'NoSuchEntity')) throw iamError('groupNotFound', `The group ${groupName} was not found`, { groupName });
    throw toIamError(error, 'iam:AddUserToGroup');
  }
}
