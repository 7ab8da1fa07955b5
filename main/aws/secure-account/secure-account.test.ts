/**
 * The step's operations and check with the real AwsConnection, setup store and
 * a vault-like SecretStore; IAM and STS answered by aws-sdk-client-mock. STS
 * answers by the access key the client really signs with, so "who am I" after
 * the switch is what the new key says.
 */
import {
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  EntityAlreadyExistsException,
  GetAccountPasswordPolicyCommand,
  GetGroupCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  IAMClient,
  LimitExceededException,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  NoSuchEntityException,
  PutGroupPolicyCommand,
  UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AwsConnection } from '../aws-connection';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../../testing/aws/aws-env-sandbox';
import { MemorySecretStore } from '../../testing/vault/memory-secret-store';
import type { ProgressUpdate } from '../../setup/operation';
import { SetupStateStore } from '../../setup/state-store';
import { createSecureAccount } from '.';

const ACCOUNT = '123456789012';
const ROOT_KEY = { accessKeyId: 'AKIAROOTROOTROOT0001', secretAccessKey: 'rootsecretrootsecretroot' };
const USER_KEY = { accessKeyId: 'AKIAUSERUSERUSER0001', secretAccessKey: 'usersecretusersecretuser' };
const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const noSuch = () => new NoSuchEntityException({ message: 'none', $metadata: {} });
const exists = () => new EntityAlreadyExistsException({ message: 'exists', $metadata: {} });

let sandbox: AwsEnvSandbox;
let secrets: MemorySecretStore;
let setup: SetupStateStore;
let connection: AwsConnection;
let rootItemId: string;
let phases: string[];
let newKeyWorksAfter: number;

const context = () => ({ signal: new AbortController().signal, progress: (update: ProgressUpdate) => phases.push(update.phase) });
const input = { userName: 'dev', groupName: 'onramp', preset: 'ec2' as const, consoleAccess: true, passwordResetRequired: true, existingLoginProfile: 'ask' as const };

beforeEach(async () => {
  sandbox = createAwsEnvSandbox();
  phases = [];
  newKeyWorksAfter = 0;
  secrets = new MemorySecretStore();
  setup = new SetupStateStore(mkdtempSync(path.join(os.tmpdir(), 'onramp-secure-')));
  connection = new AwsConnection({ getAccessKey: (id) => secrets.secretOf(id, 'aws-access-key') });
  rootItemId = (await secrets.seed('aws-access-key', ROOT_KEY, 'root (temporary)')).id;
  await setup.update((s) => ({ ...s, choices: { ...s.choices, awsSource: { kind: 'vault', itemId: rootItemId }, region: 'ap-northeast-2' } }));

  stsMock.on(GetCallerIdentityCommand).callsFake(async (_input, getClient: () => STSClient) => {
    const { accessKeyId } = await getClient().config.credentials();
    if (accessKeyId === ROOT_KEY.accessKeyId) return { Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root`, UserId: ACCOUNT };
    if (accessKeyId === USER_KEY.accessKeyId && newKeyWorksAfter-- <= 0) return { Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/dev`, UserId: 'AIDADEV' };
    throw new STSServiceException({ name: 'InvalidClientTokenId', $fault: 'client', $metadata: {}, message: 'not yet' });
  });
  iamMock.on(CreateGroupCommand).resolves({});
  iamMock.on(CreateUserCommand).resolves({ User: { UserName: 'dev', Arn: `arn:aws:iam::${ACCOUNT}:user/dev`, UserId: 'U', Path: '/', CreateDate: new Date() } });
  iamMock.on(GetLoginProfileCommand).rejects(noSuch());
  iamMock.on(GetAccountPasswordPolicyCommand).rejects(noSuch());
  // The user exists, tagged for this setup, once CreateUser was called.
  iamMock.on(GetUserCommand).callsFake(async () => {
    if (iamMock.commandCalls(CreateUserCommand).length === 0) throw noSuch();
    const Tags = [{ Key: 'onramp:setup', Value: (await setup.get()).setupId }];
    return { User: { UserName: 'dev', Arn: `arn:aws:iam::${ACCOUNT}:user/dev`, UserId: 'U', Path: '/', CreateDate: new Date(), Tags } };
  });
});
afterEach(() => {
  connection.dispose();
  iamMock.reset();
  stsMock.reset();
  sandbox.restore();
});

function secureAccount() {
  const built = createSecureAccount({ connection, setup, secrets });
  const [createUser, createAccessKey] = built.operations;
  return { ...built, createUser, createAccessKey };
}

describe('secure-account.createUser', () => {
  it('makes group, tagged user, membership and a console password that lands in the vault', async () => {
    const result = await secureAccount().createUser.run(input, context());

    const { setupId, choices, resources } = await setup.get();
    expect(iamMock.commandCalls(CreateUserCommand)[0]?.args[0].input.Tags).toEqual([{ Key: 'onramp:setup', Value: setupId }]);
    expect(iamMock.commandCalls(AddUserToGroupCommand)[0]?.args[0].input).toEqual({ UserName: 'dev', GroupName: 'onramp' });
    expect(result).toMatchObject({ userCreated: true, groupCreated: true, loginProfile: 'created', signInUrl: `https://${ACCOUNT}.signin.aws.amazon.com/console` });
    const password = iamMock.commandCalls(CreateLoginProfileCommand)[0]?.args[0].input.Password;
    await expect(secrets.secretOf(result.consoleLoginItemId ?? '', 'console-login')).resolves.toEqual({
      userName: 'dev',
      password,
      signInUrl: `https://${ACCOUNT}.signin.aws.amazon.com/console`,
    });
    expect(choices.iam).toEqual({ userName: 'dev', groupName: 'onramp', preset: 'ec2', consoleAccess: true });
    expect(resources.consoleLoginItemId).toBe(result.consoleLoginItemId);
    expect(phases).toEqual(['iam:phases.group', 'iam:phases.user', 'iam:phases.membership', 'iam:phases.loginProfile', 'iam:phases.vault', 'iam:phases.done']);
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('run again: reuses group and user, reports the existing password, stores nothing twice; reset replaces the vault item', async () => {
    const first = await secureAccount().createUser.run(input, context());
    const { setupId } = await setup.get();
    iamMock.on(CreateGroupCommand).rejects(exists());
    iamMock.on(GetGroupCommand).resolves({ Group: { GroupName: 'onramp', GroupId: 'G', Arn: 'a', Path: '/', CreateDate: new Date() }, Users: [] });
    iamMock.on(ListAttachedGroupPoliciesCommand).resolves({ AttachedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2FullAccess' }] });
    iamMock.on(CreateUserCommand).rejects(exists());
    iamMock.on(GetUserCommand).resolves({ User: { UserName: 'dev', Arn: `arn:aws:iam::${ACCOUNT}:user/dev`, UserId: 'U', Path: '/', CreateDate: new Date(), Tags: [{ Key: 'onramp:setup', Value: setupId }] } });
    iamMock.on(GetLoginProfileCommand).resolves({ LoginProfile: { UserName: 'dev', CreateDate: new Date() } });
    iamMock.on(UpdateLoginProfileCommand).resolves({});

    const again = await secureAccount().createUser.run(input, context());
    expect(again).toMatchObject({ userCreated: false, groupCreated: false, loginProfile: 'exists', consoleLoginItemId: first.consoleLoginItemId });
    expect(secrets.items.size).toBe(2); // the root key and one console login
    expect(iamMock.commandCalls(CreateLoginProfileCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(PutGroupPolicyCommand)).toHaveLength(2); // same-named inline policy, replaced

    const reset = await secureAccount().createUser.run({ ...input, existingLoginProfile: 'reset' }, context());
    expect(reset.loginProfile).toBe('reset');
    expect(reset.consoleLoginItemId).not.toBe(first.consoleLoginItemId);
    expect(secrets.find(first.consoleLoginItemId ?? '')).toBeUndefined();
    expect(secrets.items.size).toBe(2);
  });

  it('without console access makes no password', async () => {
    const result = await secureAccount().createUser.run({ ...input, consoleAccess: false }, context());
    expect(result.loginProfile).toBe('none');
    expect(iamMock.commandCalls(CreateLoginProfileCommand)).toHaveLength(0);
  });

  it('asks to connect AWS first when no source was chosen', async () => {
    await setup.update((s) => ({ ...s, choices: {} }));
    await expect(secureAccount().createUser.run(input, context())).rejects.toMatchObject({ code: 'iam.notConnected' });
  });
});

describe('secure-account.createAccessKey', () => {
  beforeEach(async () => {
    await secureAccount().createUser.run(input, context());
    iamMock.on(CreateAccessKeyCommand).resolves({ AccessKey: { UserName: 'dev', Status: 'Active', ...{ AccessKeyId: USER_KEY.accessKeyId, SecretAccessKey: USER_KEY.secretAccessKey } } });
    iamMock.on(DeleteAccessKeyCommand).resolves({});
  });

  it('stores the new key, proves it (waiting while AWS spreads it), deletes the root key, confirms, and switches', async () => {
    newKeyWorksAfter = 2;
    const rootKeys = [ROOT_KEY.accessKeyId];
    iamMock.on(ListAccessKeysCommand).callsFake((request: { UserName?: string }) => ({
      AccessKeyMetadata: (request.UserName ? [] : rootKeys).map((AccessKeyId) => ({ AccessKeyId })),
    }));
    iamMock.on(DeleteAccessKeyCommand).callsFake((request: { AccessKeyId: string }) => (rootKeys.splice(rootKeys.indexOf(request.AccessKeyId), 1), {}));

    const result = await createSecureAccount({ connection, setup, secrets }).operations[1].run({ deleteRootKey: true }, context());

    expect(result).toMatchObject({ arn: `arn:aws:iam::${ACCOUNT}:user/dev`, reused: false, rootKey: 'deleted' });
    await expect(secrets.secretOf(result.itemId, 'aws-access-key')).resolves.toEqual(USER_KEY);
    expect(iamMock.commandCalls(DeleteAccessKeyCommand)[0]?.args[0].input).toEqual({ AccessKeyId: ROOT_KEY.accessKeyId, UserName: undefined });
    expect(secrets.find(rootItemId)).toBeUndefined();
    expect(connection.current()?.identity.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/dev`);
    const { choices, resources } = await setup.get();
    expect(choices.awsSource).toEqual({ kind: 'vault', itemId: result.itemId });
    expect(choices.awsIdentity).toEqual({ accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/dev`, isRoot: false });
    expect(resources.iamAccessKeyItemId).toBe(result.itemId);
  }, 15_000);

  it('takes AWS refusing the deleted root key (InvalidClientTokenId) on ListAccessKeys as the confirmation', async () => {
    iamMock.on(ListAccessKeysCommand).callsFake(async (request: { UserName?: string }, getClient: () => IAMClient) => {
      const { accessKeyId } = await getClient().config.credentials();
      if (!request.UserName && accessKeyId === ROOT_KEY.accessKeyId && iamMock.commandCalls(DeleteAccessKeyCommand).length > 0) {
        throw new STSServiceException({ name: 'InvalidClientTokenId', $fault: 'client', $metadata: {}, message: 'The security token included in the request is invalid.' });
      }
      return { AccessKeyMetadata: request.UserName ? [] : [{ AccessKeyId: ROOT_KEY.accessKeyId }] };
    });
    const result = await createSecureAccount({ connection, setup, secrets }).operations[1].run({ deleteRootKey: true }, context());
    expect(result.rootKey).toBe('deleted');
    expect(connection.current()?.identity.isRoot).toBe(false);
  });

  it('says so when the root key is still listed after DeleteAccessKey', async () => {
    iamMock.on(ListAccessKeysCommand).callsFake((request: { UserName?: string }) => ({ AccessKeyMetadata: request.UserName ? [] : [{ AccessKeyId: ROOT_KEY.accessKeyId }] }));
    await expect(createSecureAccount({ connection, setup, secrets }).operations[1].run({ deleteRootKey: true }, context())).rejects.toMatchObject({
      code: 'iam.rootKeyStillThere',
    });
  });

  it('run again: reuses the stored key AWS still lists, creates none', async () => {
    iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [] });
    const first = await secureAccount().createAccessKey.run({ deleteRootKey: false }, context());
    expect(first.rootKey).toBe('kept');
    iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: USER_KEY.accessKeyId }] });

    const again = await secureAccount().createAccessKey.run({ deleteRootKey: false }, context());

    expect(again).toMatchObject({ reused: true, itemId: first.itemId, rootKey: 'none' });
    expect(iamMock.commandCalls(CreateAccessKeyCommand)).toHaveLength(1);
  });

  it('translates LimitExceeded (two keys already) and leaves the connection alone', async () => {
    iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: 'AKIAOTHER1' }, { AccessKeyId: 'AKIAOTHER2' }] });
    iamMock.on(CreateAccessKeyCommand).rejects(new LimitExceededException({ message: 'Cannot exceed quota for AccessKeysPerUser: 2', $metadata: {} }));
    await expect(secureAccount().createAccessKey.run({ deleteRootKey: true }, context())).rejects.toMatchObject({
      code: 'iam.limitExceeded',
      params: { action: 'iam:CreateAccessKey' },
    });
    expect(connection.current()?.identity.isRoot).toBe(true);
  });
});

describe('secure-account check (reads reality)', () => {
  const check = async () => secureAccount().steps[0].check({ setup: await setup.get(), signal: new AbortController().signal });

  it('is not done before a user was chosen', async () => {
    await expect(check()).resolves.toEqual({ done: false, detail: { key: 'iam:check.noUser' } });
  });

  it('is done only when the tagged user is in the group, has a password and MFA', async () => {
    await secureAccount().createUser.run(input, context());
    const { setupId } = await setup.get();
    iamMock.on(GetUserCommand).resolves({ User: { UserName: 'dev', Arn: 'a', UserId: 'U', Path: '/', CreateDate: new Date(), Tags: [{ Key: 'onramp:setup', Value: setupId }] } });
    iamMock.on(ListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'onramp', GroupId: 'G', Arn: 'a', Path: '/', CreateDate: new Date() }] });
    iamMock.on(GetLoginProfileCommand).resolves({ LoginProfile: { UserName: 'dev', CreateDate: new Date() } });
    iamMock.on(ListMFADevicesCommand).resolves({ MFADevices: [] });
    await expect(check()).resolves.toMatchObject({ done: false, detail: { key: 'iam:check.noMfa' } });

    iamMock.on(ListMFADevicesCommand).resolves({ MFADevices: [{ UserName: 'dev', SerialNumber: 's', EnableDate: new Date() }] });
    await expect(check()).resolves.toMatchObject({ done: true });

    iamMock.on(ListGroupsForUserCommand).resolves({ Groups: [] });
    await expect(check()).resolves.toMatchObject({ done: false, detail: { key: 'iam:check.notInGroup' } });

    iamMock.on(GetUserCommand).rejects(noSuch());
    await expect(check()).resolves.toMatchObject({ done: false, detail: { key: 'iam:check.userMissing' } });
  });
});
