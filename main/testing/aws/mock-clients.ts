/**
 * The e2e's AWS clients: the real factory builds real SDK clients (real
 * credentials from the vault, real config), and aws-sdk-client-mock answers
 * their IAM and STS commands from the stateful IamState instead of the
 * network. Wired in through the composition root's `awsClientsFactory`;
 * product code knows nothing of it.
 */
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteConflictException,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DetachGroupPolicyCommand,
  DeleteAccessKeyCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetGroupCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  IAMClient,
  IAMServiceException,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListUserPoliciesCommand,
  ListVirtualMFADevicesCommand,
  NoSuchEntityException,
  PutGroupPolicyCommand,
  RemoveUserFromGroupCommand,
  UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam';
import { BudgetsClient } from '@aws-sdk/client-budgets';
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import QRCode from 'qrcode';
import type { AwsClientsFactory } from '../../aws/aws-connection';
import { createAwsClients } from '../../aws/client-factory';
import type { BudgetsWorld } from './budgets-world';
import type { Ec2World } from './ec2-world';
import type { IamState } from './iam-state';

type Signed = () => { config: { credentials: () => Promise<{ accessKeyId: string }> } };

async function caller(state: IamState, getClient: Signed) {
  const { accessKeyId } = await getClient().config.credentials();
  return state.principalOf(accessKeyId);
}

type Send = (this: unknown, command: { constructor: { name: string } }, ...rest: unknown[]) => Promise<unknown>;

/**
 * Routes every `send` of the mocked `client` (an instance, or a client class whose prototype is mocked)
 * through `state.call`, so calls are counted and a crash can follow any of them. The stub's restore() undoes it.
 */
function countCalls(client: IAMClient | STSClient, state: IamState): void {
  const target = (typeof client === 'function' ? (client as { prototype: object }).prototype : client) as { send: Send };
  const stubbed = target.send;
  target.send = function counted(command, ...rest) {
    return state.call(command.constructor.name.replace(/Command$/, ''), () => stubbed.call(this, command, ...rest));
  };
}

/** Answers `client`'s IAM commands from `state`; the returned stub records every call. */
export function mockIam(client: IAMClient, state: IamState) {
  const iam = mockClient(client);
  countCalls(client, state);
  const user = (name: string | undefined) => state.user(name ?? '');
  const date = new Date();
  iam.on(GetAccountSummaryCommand).callsFake(() => ({ SummaryMap: { AccountMFAEnabled: state.rootMfa ? 1 : 0 } }));
  iam.on(ListAccountAliasesCommand).resolves({ AccountAliases: [] });
  iam.on(GetAccountPasswordPolicyCommand).rejects(new NoSuchEntityException({ message: 'The Password Policy with domain name cannot be found.', $metadata: {} }));
  iam.on(CreateGroupCommand).callsFake(({ GroupName }) => (state.createGroup(GroupName ?? ''), { Group: { GroupName, GroupId: 'AGPA1', Arn: 'a', Path: '/', CreateDate: date } }));
  iam.on(GetGroupCommand).callsFake(({ GroupName }) => {
    const name = state.group(GroupName ?? '').name;
    const Users = [...state.users.values()].filter((u) => u.groups.has(name)).map((u) => ({ UserName: u.name, UserId: 'AIDA1', Arn: 'a', Path: '/', CreateDate: date }));
    return { Group: { GroupName: name, GroupId: 'AGPA1', Arn: 'a', Path: '/', CreateDate: state.group(name).createDate }, Users };
  });
  iam.on(ListAttachedGroupPoliciesCommand).callsFake(({ GroupName }) => ({ AttachedPolicies: [...state.group(GroupName ?? '').attached].map((PolicyArn) => ({ PolicyArn })) }));
  iam.on(AttachGroupPolicyCommand).callsFake(({ GroupName, PolicyArn }) => (state.group(GroupName ?? '').attached.add(PolicyArn ?? ''), {}));
  iam.on(PutGroupPolicyCommand).callsFake(({ GroupName, PolicyName, PolicyDocument }) => (state.group(GroupName ?? '').inline.set(PolicyName ?? '', PolicyDocument ?? ''), {}));
  iam.on(CreateUserCommand).callsFake(({ UserName, Tags }) => {
    const made = state.createUser(UserName ?? '', (Tags ?? []).map((tag: { Key?: string; Value?: string }) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' })));
    return { User: { UserName: made.name, Arn: `arn:aws:iam::${state.accountId}:user/${made.name}`, UserId: 'AIDA1', Path: '/', CreateDate: date } };
  });
  iam.on(GetUserCommand).callsFake(({ UserName }) => {
    if (state.refused.has('GetUser')) {
      throw new IAMServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: `User is not authorized to perform: iam:GetUser on resource: user ${UserName ?? ''}` });
    }
    const found = user(UserName);
    return { User: { UserName: found.name, Arn: `arn:aws:iam::${state.accountId}:user/${found.name}`, UserId: 'AIDA1', Path: '/', CreateDate: date, Tags: found.tags } };
  });
  iam.on(AddUserToGroupCommand).callsFake(({ UserName, GroupName }) => (user(UserName).groups.add(state.group(GroupName ?? '').name), {}));
  iam.on(ListGroupsForUserCommand).callsFake(({ UserName }) => ({
    Groups: [...user(UserName).groups].map((GroupName) => ({ GroupName, GroupId: 'AGPA1', Arn: 'a', Path: '/', CreateDate: date })),
  }));
  iam.on(GetLoginProfileCommand).callsFake(({ UserName }) => {
    const found = user(UserName);
    if (!found.loginProfile) throw new NoSuchEntityException({ message: `Login Profile for User ${found.name} cannot be found.`, $metadata: {} });
    return { LoginProfile: { UserName: found.name, CreateDate: date } };
  });
  iam.on(CreateLoginProfileCommand).callsFake(({ UserName, Password, PasswordResetRequired }) => (state.createLoginProfile(UserName ?? '', Password ?? '', PasswordResetRequired ?? false), {}));
  iam.on(UpdateLoginProfileCommand).callsFake(({ UserName, Password }) => {
    const found = user(UserName);
    if (!found.loginProfile) throw new NoSuchEntityException({ message: 'no login profile', $metadata: {} });
    found.loginProfile.password = Password ?? '';
    return {};
  });
  iam.on(ListMFADevicesCommand).callsFake(({ UserName }) => {
    const serial = user(UserName).mfaSerial;
    return { MFADevices: serial ? [{ UserName, SerialNumber: serial, EnableDate: date }] : [] };
  });
  iam.on(ListVirtualMFADevicesCommand).callsFake(({ AssignmentStatus }) => ({
    VirtualMFADevices: [...state.devices.entries()]
      .filter(([, d]) => (AssignmentStatus === 'Unassigned' ? !d.user : AssignmentStatus === 'Assigned' ? Boolean(d.user) : true))
      .map(([SerialNumber, d]) => ({ SerialNumber, ...(d.user ? { User: { UserName: d.user, UserId: 'AIDA1', Arn: 'a', Path: '/', CreateDate: date } } : {}) })),
  }));
  iam.on(ListAttachedUserPoliciesCommand).callsFake(({ UserName }) => ({ AttachedPolicies: [...(user(UserName).attached ?? [])].map((PolicyArn) => ({ PolicyArn })) }));
  iam.on(ListUserPoliciesCommand).callsFake(({ UserName }) => ({ PolicyNames: [...(user(UserName).inline ?? [])] }));
  iam.on(CreateVirtualMFADeviceCommand).callsFake(async ({ VirtualMFADeviceName }) => {
    const { serial, seed } = state.createVirtualMfaDevice(VirtualMFADeviceName ?? '');
    const png = await QRCode.toBuffer(`otpauth://totp/AWS:${VirtualMFADeviceName ?? ''}?secret=${seed}`);
    return { VirtualMFADevice: { SerialNumber: serial, Base32StringSeed: new Uint8Array(Buffer.from(seed)), QRCodePNG: new Uint8Array(png) } };
  });
  iam.on(DeleteVirtualMFADeviceCommand).callsFake(({ SerialNumber }) => {
    if (!state.devices.delete(SerialNumber ?? '')) throw new NoSuchEntityException({ message: 'no device', $metadata: {} });
    return {};
  });
  iam.on(EnableMFADeviceCommand).callsFake(({ UserName, SerialNumber, AuthenticationCode1, AuthenticationCode2 }) => (
    state.enableMfa(UserName ?? '', SerialNumber ?? '', AuthenticationCode1 ?? '', AuthenticationCode2 ?? ''), {}
  ));
  iam.on(ListAccessKeysCommand).callsFake(async ({ UserName }, getClient: Signed) => {
    const owner = UserName ?? (await caller(state, getClient)).userName;
    return { AccessKeyMetadata: state.keysOf(owner).map((k) => ({ AccessKeyId: k.accessKeyId, UserName: k.userName, Status: 'Active' })) };
  });
  iam.on(CreateAccessKeyCommand).callsFake(async ({ UserName }, getClient: Signed) => {
    const key = state.createAccessKey(UserName ?? (await caller(state, getClient)).userName);
    return { AccessKey: { AccessKeyId: key.accessKeyId, SecretAccessKey: key.secretAccessKey, UserName: key.userName ?? '', Status: 'Active' } };
  });
  iam.on(DeleteAccessKeyCommand).callsFake(async ({ AccessKeyId, UserName }, getClient: Signed) => {
    const owner = UserName ?? (await caller(state, getClient)).userName;
    const key = state.keys.get(AccessKeyId ?? '');
    if (!key || key.userName !== owner) throw new NoSuchEntityException({ message: 'no such key', $metadata: {} });
    state.keys.delete(key.accessKeyId);
    return {};
  });
  mockIamTeardown(iam, state);
  return iam;
}

const conflict = (message: string) => new DeleteConflictException({ message, $metadata: { httpStatusCode: 409 } });

/** The teardown side: AWS's own DeleteConflict while a user or group still has parts. */
function mockIamTeardown(iam: ReturnType<typeof mockClient>, state: IamState): void {
  const user = (name: string | undefined) => state.user(name ?? '');
  iam.on(DeleteLoginProfileCommand).callsFake(({ UserName }: { UserName?: string }) => {
    const found = user(UserName);
    if (!found.loginProfile) throw new NoSuchEntityException({ message: 'no login profile', $metadata: {} });
    delete found.loginProfile;
    return {};
  });
  iam.on(DeactivateMFADeviceCommand).callsFake(({ UserName, SerialNumber }: { UserName?: string; SerialNumber?: string }) => {
    const found = user(UserName);
    const device = state.devices.get(SerialNumber ?? '');
    if (!device || found.mfaSerial !== SerialNumber) throw new NoSuchEntityException({ message: 'no such device for the user', $metadata: {} });
    delete found.mfaSerial;
    delete device.user;
    return {};
  });
  iam.on(RemoveUserFromGroupCommand).callsFake(({ UserName, GroupName }: { UserName?: string; GroupName?: string }) => {
    if (!user(UserName).groups.delete(state.group(GroupName ?? '').name)) throw new NoSuchEntityException({ message: 'not a member', $metadata: {} });
    return {};
  });
  iam.on(DeleteUserCommand).callsFake(({ UserName }: { UserName?: string }) => {
    const found = user(UserName);
    if (found.loginProfile || found.mfaSerial || found.groups.size > 0 || state.keysOf(found.name).length > 0) throw conflict('Cannot delete entity, must remove referenced objects first.');
    state.users.delete(found.name);
    return {};
  });
  iam.on(ListGroupPoliciesCommand).callsFake(({ GroupName }: { GroupName?: string }) => ({ PolicyNames: [...state.group(GroupName ?? '').inline.keys()] }));
  iam.on(DetachGroupPolicyCommand).callsFake(({ GroupName, PolicyArn }: { GroupName?: string; PolicyArn?: string }) => {
    if (!state.group(GroupName ?? '').attached.delete(PolicyArn ?? '')) throw new NoSuchEntityException({ message: 'not attached', $metadata: {} });
    return {};
  });
  iam.on(DeleteGroupPolicyCommand).callsFake(({ GroupName, PolicyName }: { GroupName?: string; PolicyName?: string }) => {
    if (!state.group(GroupName ?? '').inline.delete(PolicyName ?? '')) throw new NoSuchEntityException({ message: 'no such policy', $metadata: {} });
    return {};
  });
  iam.on(DeleteGroupCommand).callsFake(({ GroupName }: { GroupName?: string }) => {
    const group = state.group(GroupName ?? '');
    const members = [...state.users.values()].some((u) => u.groups.has(group.name));
    if (members || group.attached.size > 0 || group.inline.size > 0) throw conflict('Cannot delete entity, must remove users and policies first.');
    state.groups.delete(group.name);
    return {};
  });
}

/** Answers `client`'s GetCallerIdentity from `state` (who signs decides who is calling); the stub records every call. */
export function mockSts(client: STSClient, state: IamState) {
  const sts = mockClient(client);
  countCalls(client, state);
  return sts
    .on(GetCallerIdentityCommand)
    .callsFake(async (_input, getClient: Signed) => {
      const key = await caller(state, getClient);
      return { Account: state.accountId, Arn: state.arnOf(key), UserId: key.userName ? 'AIDAUSER' : state.accountId };
    });
}

/** The real factory, whose IAM and STS clients are answered by `state` (EC2/SSM by `world`, Budgets by `budgets`, when given). */
export function mockAwsClientsFactory(state: IamState, world?: Ec2World, budgets?: BudgetsWorld): AwsClientsFactory {
  return async (options) => {
    const real = await createAwsClients(options);
    const mocked = new WeakSet<object>();
    const get: typeof real.get = (clientClass, region) => {
      const client = real.get(clientClass, region);
      if (!mocked.has(client)) {
        mocked.add(client);
        if (client instanceof IAMClient) mockIam(client, state);
        else if (client instanceof STSClient) mockSts(client, state);
        else if (world && client instanceof EC2Client) world.attachEc2(client);
        else if (world && client instanceof SSMClient) world.attachSsm(client);
        else if (budgets && client instanceof BudgetsClient) budgets.attach(client);
      }
      return client;
    };
    return { ...real, get, sts: () => get(STSClient) };
  };
}
