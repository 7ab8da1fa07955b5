/**
 * Teardown of the IAM user a setup made: login profile, MFA devices
 * (deactivated, then the virtual device deleted), access keys, group
 * memberships, the user, and the group when this setup created it (the ledger
 * says so: groups carry no tags) and nobody else is in it. A group the setup
 * did not make stays; the user is only removed from it. Only a user tagged for
 * this setup is touched. Every virtual MFA device made for the user (recorded,
 * or named for it) is deleted whether assigned or not, so a crash between
 * DeactivateMFADevice and DeleteVirtualMFADevice leaves nothing behind. Every
 * part that is already gone counts as done, so running it again finishes what
 * a crash or a refusal left; the parts that fail are reported, and the rest
 * still runs.
 */
import {
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  DetachGroupPolicyCommand,
  GetGroupCommand,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
  RemoveUserFromGroupCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { IamResources } from '../../../common/contract/schemas/iam';
import { accountLabel } from './account';
import { madeAfterIntent } from './group';
import { iamError, hasAwsCode } from './iam-errors';
import { findUser, isTaggedFor } from './user';
import { mfaDeviceName } from './virtual-mfa';

export type IamTeardownPart = 'loginProfile' | 'mfa' | 'accessKeys' | 'groups' | 'user' | 'group';
export const IAM_TEARDOWN_PARTS: readonly IamTeardownPart[] = ['loginProfile', 'mfa', 'accessKeys', 'groups', 'user', 'group'];

export interface IamTeardownResult {
  userDeleted: boolean;
  groupDeleted: boolean;
  /** Why the group stayed: other members (their count). */
  groupKeptFor?: number;
  /** Why the group stayed: this setup did not create it (the user was only removed from it). */
  groupNotOurs?: boolean;
  failures: { part: IamTeardownPart; id: string; error: unknown }[];
}

interface Deps {
  iam: IAMClient;
  /** What the setup recorded making (setup.json resources.iam). */
  owned: IamResources;
  signal?: AbortSignal;
  onPart?: (part: IamTeardownPart) => void;
}

/** Runs `task`; an entity that is already gone is success. */
async function gone(task: () => Promise<unknown>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (!hasAwsCode(error, 'NoSuchEntity')) throw error;
  }
}

/** Serials of the virtual MFA devices made for the user: recorded by the setup, named for it, or assigned to it. */
async function virtualDevicesFor(iam: IAMClient, userName: string, deviceName: string, recorded: string[], signal?: AbortSignal): Promise<string[]> {
  const found: string[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListVirtualMFADevicesCommand({ Marker: marker }), { abortSignal: signal });
    for (const device of page.VirtualMFADevices ?? []) {
      const serial = device.SerialNumber ?? '';
      if (recorded.includes(serial) || serial.endsWith(`:mfa/${deviceName}`) || device.User?.UserName === userName) found.push(serial);
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return found;
}

export async function deleteSetupUser(deps: Deps, request: { userName: string; groupName: string; setupId: string }): Promise<IamTeardownResult> {
  const { iam } = deps;
  const opts = { abortSignal: deps.signal };
  const result: IamTeardownResult = { userDeleted: false, groupDeleted: false, failures: [] };
  const attempt = async (part: IamTeardownPart, id: string, task: () => Promise<unknown>) => {
    try {
      await gone(task);
      return true;
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      result.failures.push({ part, id, error });
      return false;
    }
  };

  const user = await findUser(iam, request.userName, deps.signal);
  if (user && !isTaggedFor(user, request.setupId)) {
    throw iamError('userNotOurs', `The IAM user ${request.userName} was not made by this setup`, { userName: request.userName });
  }
  if (user) {
    deps.onPart?.('loginProfile');
    await attempt('loginProfile', request.userName, () => iam.send(new DeleteLoginProfileCommand({ UserName: request.userName }), opts));

    deps.onPart?.('mfa');
    await attempt('mfa', request.userName, async () => {
      const out = await iam.send(new ListMFADevicesCommand({ UserName: request.userName }), opts);
      for (const device of out.MFADevices ?? []) {
        const serial = device.SerialNumber ?? '';
        await gone(() => iam.send(new DeactivateMFADeviceCommand({ UserName: request.userName, SerialNumber: serial }), opts));
        // Only virtual devices (an ARN) can be deleted; a hardware one is just unassigned.
        if (serial.startsWith('arn:')) await gone(() => iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }), opts));
      }
      // What a crash after DeactivateMFADevice (or during enrollment) left: no longer the user's, but made for it.
      const accountId = /^arn:[^:]+:iam::(\d{12}):/.exec(user.Arn ?? '')?.[1] ?? '';
      const deviceName = mfaDeviceName(await accountLabel(iam, accountId, deps.signal), request.userName);
      for (const serial of await virtualDevicesFor(iam, request.userName, deviceName, deps.owned.mfaSerials ?? [], deps.signal)) {
        await gone(() => iam.send(new DeactivateMFADeviceCommand({ UserName: request.userName, SerialNumber: serial }), opts));
        await gone(() => iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }), opts));
      }
    });

    deps.onPart?.('accessKeys');
    await attempt('accessKeys', request.userName, async () => {
      const out = await iam.send(new ListAccessKeysCommand({ UserName: request.userName }), opts);
      for (const key of out.AccessKeyMetadata ?? []) {
        await gone(() => iam.send(new DeleteAccessKeyCommand({ UserName: request.userName, AccessKeyId: key.AccessKeyId }), opts));
      }
    });

    deps.onPart?.('groups');
    await attempt('groups', request.userName, async () => {
      const out = await iam.send(new ListGroupsForUserCommand({ UserName: request.userName }), opts);
      for (const group of out.Groups ?? []) {
        await gone(() => iam.send(new RemoveUserFromGroupCommand({ UserName: request.userName, GroupName: group.GroupName }), opts));
      }
    });

    deps.onPart?.('user');
    // AWS refuses DeleteUser while anything above is left (DeleteConflict); that failure is reported like any other.
    result.userDeleted = await attempt('user', request.userName, () => iam.send(new DeleteUserCommand({ UserName: request.userName }), opts));
  } else {
    result.userDeleted = true;
  }

  deps.onPart?.('group');
  // Stays true when GetGroup says NoSuchEntity: the group is already gone.
  let groupGone = true;
  await attempt('group', request.groupName, async () => {
    const found = await iam.send(new GetGroupCommand({ GroupName: request.groupName }), opts);
    const members = found.Users ?? [];
    groupGone = false;
    const pending = deps.owned.pendingGroup?.name === request.groupName ? deps.owned.pendingGroup : undefined;
    if (deps.owned.groupCreated !== request.groupName && !madeAfterIntent(found.Group?.CreateDate?.getTime(), pending)) {
      result.groupNotOurs = true;
      return;
    }
    const others = members.filter((m) => m.UserName !== request.userName);
    if (others.length > 0) {
      result.groupKeptFor = others.length;
      return;
    }
    if (members.length > 0) throw iamError('groupNotEmpty', `The group ${request.groupName} still holds ${request.userName}`, { groupName: request.groupName });
    const attached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: request.groupName }), opts);
    for (const policy of attached.AttachedPolicies ?? []) {
      await gone(() => iam.send(new DetachGroupPolicyCommand({ GroupName: request.groupName, PolicyArn: policy.PolicyArn }), opts));
    }
    const inline = await iam.send(new ListGroupPoliciesCommand({ GroupName: request.groupName }), opts);
    for (const name of inline.PolicyNames ?? []) {
      await gone(() => iam.send(new DeleteGroupPolicyCommand({ GroupName: request.groupName, PolicyName: name }), opts));
    }
    await iam.send(new DeleteGroupCommand({ GroupName: request.groupName }), opts);
    groupGone = true;
  });
  result.groupDeleted = groupGone;
  return result;
}
