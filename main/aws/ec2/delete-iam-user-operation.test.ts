/**
 * The optional IAM part of the teardown through the whole composition:
 * Secure the account makes the user (group, tagged user, console password,
 * membership) against the stateful IAM mock, then `done.deleteIamUser` with
 * the credentials that created it removes all of it, and a rerun is a no-op.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IamState } from '../../testing/aws/iam-state';
import { mockIam, mockSts } from '../../testing/aws/mock-clients';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../../testing/aws/aws-env-sandbox';
import { ContractHarness } from '../../testing/ssh/contract-harness';

const ROOT = { accessKeyId: 'AKIAROOTROOTEXAMPLE1', secretAccessKey: 'rootSecretKeyExample/abcdefghijklmnopqrst' };
let sandbox: AwsEnvSandbox;
let state: IamState;
let app: ContractHarness;
let stubs: { restore(): void }[];

beforeEach(async () => {
  sandbox = createAwsEnvSandbox();
  process.env['AWS_ACCESS_KEY_ID'] = ROOT.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = ROOT.secretAccessKey;
  state = new IamState('210987654321', ROOT);
  // Every IAM and STS client the composition makes is answered from `state` (the class's prototype is mocked).
  stubs = [mockIam(IAMClient as unknown as IAMClient, state), mockSts(STSClient as unknown as STSClient, state)];
  app = await ContractHarness.start();
  await app.invoke('vault.initKeychain', {});
  await app.invoke('aws.connect', { source: { kind: 'default' }, region: 'ap-northeast-2' });
});

afterEach(async () => {
  await app.dispose();
  for (const stub of stubs) stub.restore();
  sandbox.restore();
});

describe('done.deleteIamUser', () => {
  it('deletes the user Secure the account made, its password, membership and the emptied group; a rerun finds nothing to do', async () => {
    const made = await app.runOperation('secure-account.createUser', { userName: 'onramp-admin', groupName: 'onramp', preset: 'ec2', consoleAccess: true });
    expect(made.outcome.status).toBe('succeeded');
    expect(state.user('onramp-admin').loginProfile).toBeDefined();

    const first = await app.runOperation('done.deleteIamUser', { source: { kind: 'default' } });
    expect(first.outcome).toMatchObject({ status: 'succeeded', result: { userName: 'onramp-admin', userDeleted: true, groupDeleted: true, failures: [] } });
    expect(state.users.size).toBe(0);
    expect(state.groups.size).toBe(0);
    expect(app.payloads('op.progress').map((p) => p.phase)).toEqual(expect.arrayContaining(['ec2:teardown.iam.loginProfile', 'ec2:teardown.iam.user', 'ec2:teardown.iam.group']));

    const again = await app.runOperation('done.deleteIamUser', { source: { kind: 'default' } });
    expect(again.outcome).toMatchObject({ status: 'succeeded', result: { userDeleted: true, groupDeleted: true, failures: [] } });
  });

  it("refuses someone else's group (ops, with AdministratorAccess), widens nothing, and a teardown after another name leaves ops alone", async () => {
    state.createGroup('ops');
    state.group('ops').attached.add('arn:aws:iam::aws:policy/AdministratorAccess');
    state.createUser('colleague', []).groups.add('ops');
    const refused = await app.runOperation('secure-account.createUser', { userName: 'onramp-admin', groupName: 'ops', preset: 'ec2', consoleAccess: false });
    expect(refused.outcome).toMatchObject({ status: 'failed', error: { code: 'iam.groupTaken', params: { groupName: 'ops', policies: 'AdministratorAccess', suggestion: 'ops-2' } } });
    expect([...state.group('ops').attached]).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    expect([...state.group('ops').inline.keys()]).toEqual([]);
    expect(state.users.has('onramp-admin')).toBe(false);

    const made = await app.runOperation('secure-account.createUser', { userName: 'onramp-admin', groupName: 'ops-2', preset: 'ec2', consoleAccess: false });
    expect(made.outcome.status).toBe('succeeded');
    const deleted = await app.runOperation('done.deleteIamUser', { source: { kind: 'default' } });
    expect(deleted.outcome).toMatchObject({ status: 'succeeded', result: { userDeleted: true, groupDeleted: true } });
    expect([...state.groups.keys()]).toEqual(['ops']);
    expect(state.users.has('colleague')).toBe(true);
  });

  it('the group the CloudShell block made for this setup is adopted by the page and deleted by the teardown', async () => {
    await app.invoke('iam.cloudShellScript', { userName: 'onramp', groupName: 'onramp-ec2', preset: 'ec2' });
    const { setupId } = await app.invoke('setup.getState', {});
    // What the block does in CloudShell (it refuses to run when the group exists).
    state.createGroup('onramp-ec2');
    state.createUser('onramp', [{ Key: 'onramp:setup', Value: setupId }]).groups.add('onramp-ec2');

    const made = await app.runOperation('secure-account.createUser', { userName: 'onramp', groupName: 'onramp-ec2', preset: 'ec2', consoleAccess: false });
    expect(made.outcome).toMatchObject({ status: 'succeeded', result: { userCreated: false, groupCreated: false } });
    const deleted = await app.runOperation('done.deleteIamUser', { source: { kind: 'default' } });
    expect(deleted.outcome).toMatchObject({ status: 'succeeded', result: { userDeleted: true, groupDeleted: true } });
    expect(state.groups.size).toBe(0);
  });

  it('says so when the setup made no IAM user', async () => {
    const finished = await app.runOperation('done.deleteIamUser', { source: { kind: 'default' } });
    expect(finished.outcome).toMatchObject({ status: 'failed', error: { code: 'ec2.noIamUser' } });
  });
});
