/** Deleting the setup's IAM user against the stateful IAM mock: every part, idempotent, partial failures reported, others' things kept. */
import { IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IamState } from '../../testing/aws/iam-state';
import { mockIam } from '../../testing/aws/mock-clients';
import { currentStep, totpAt } from '../../testing/aws/totp';
import { deleteSetupUser } from './delete-user';

const ROOT = { accessKeyId: 'AKIAROOTROOTEXAMPLE1', secretAccessKey: 'rootSecretKeyExample/abcdefghijklmnopqrst' };
const request = { userName: 'onramp-admin', groupName: 'onramp', setupId: 'setup-1' };
/** What Secure the account recorded making. */
const owned = { groupCreated: 'onramp', userCreated: 'onramp-admin' };
let state: IamState;
let iam: IAMClient;
let stub: ReturnType<typeof mockIam>;

/** What Secure the account leaves: group with policies, tagged user in it, console password, enabled virtual MFA, two keys. */
function provisioned(): void {
  state.createGroup('onramp');
  state.group('onramp').attached.add('arn:aws:iam::aws:policy/AmazonEC2FullAccess');
  state.group('onramp').inline.set('onramp-read-ami-and-decode', '{}');
  const user = state.createUser('onramp-admin', [{ Key: 'onramp:setup', Value: 'setup-1' }]);
  user.groups.add('onramp');
  state.createLoginProfile('onramp-admin', 'pw', false);
  const { serial, seed } = state.createVirtualMfaDevice('210987654321-onramp-admin');
  const now = currentStep();
  state.enableMfa('onramp-admin', serial, totpAt(seed, now), totpAt(seed, now + 1));
  state.createAccessKey('onramp-admin');
  state.createAccessKey('onramp-admin');
}

beforeEach(() => {
  state = new IamState('210987654321', ROOT);
  iam = new IAMClient({ region: 'us-east-1', credentials: ROOT });
  stub = mockIam(iam, state);
});
afterEach(() => stub.restore());

describe('deleteSetupUser', () => {
  it('removes the login profile, MFA device, access keys, membership, the user and the emptied group', async () => {
    provisioned();
    const parts: string[] = [];
    const result = await deleteSetupUser({ iam, owned, onPart: (p) => parts.push(p) }, request);

    expect(result).toEqual({ userDeleted: true, groupDeleted: true, failures: [] });
    expect(parts).toEqual(['loginProfile', 'mfa', 'accessKeys', 'groups', 'user', 'group']);
    expect(state.users.size).toBe(0);
    expect(state.groups.size).toBe(0);
    expect(state.devices.size).toBe(0);
    expect(state.keysOf('onramp-admin')).toEqual([]);
    expect(state.keys.has(ROOT.accessKeyId)).toBe(true);
  });

  it('is idempotent: a second run finds nothing and succeeds', async () => {
    provisioned();
    await deleteSetupUser({ iam, owned }, request);
    expect(await deleteSetupUser({ iam, owned }, request)).toEqual({ userDeleted: true, groupDeleted: true, failures: [] });
  });

  it('keeps the group when someone else is in it', async () => {
    provisioned();
    state.createUser('colleague', []).groups.add('onramp');
    const result = await deleteSetupUser({ iam, owned }, request);
    expect(result).toMatchObject({ userDeleted: true, groupDeleted: false, groupKeptFor: 1, failures: [] });
    expect(state.groups.has('onramp')).toBe(true);
    expect(state.users.has('colleague')).toBe(true);
  });

  it('refuses a user this setup did not make, touching nothing', async () => {
    provisioned();
    state.user('onramp-admin').tags = [{ Key: 'onramp:setup', Value: 'someone-else' }];
    await expect(deleteSetupUser({ iam, owned }, request)).rejects.toMatchObject({ code: 'iam.userNotOurs' });
    expect(state.user('onramp-admin').loginProfile).toBeDefined();
    expect(state.keysOf('onramp-admin')).toHaveLength(2);
  });

  it('reports a refused part, still does the rest, and a rerun finishes the job', async () => {
    provisioned();
    const refused = Object.assign(new Error('User is not authorized to perform: iam:ListAccessKeys'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    stub.on(ListAccessKeysCommand).rejectsOnce(refused);
    const first = await deleteSetupUser({ iam, owned }, request);
    expect(first.userDeleted).toBe(false);
    expect(first.failures.map((f) => f.part)).toEqual(['accessKeys', 'user']);
    expect(state.keysOf('onramp-admin')).toHaveLength(2);
    expect(state.user('onramp-admin').loginProfile).toBeUndefined();
    expect(state.user('onramp-admin').groups.size).toBe(0);

    stub.restore();
    stub = mockIam(iam, state);
    expect(await deleteSetupUser({ iam, owned }, request)).toEqual({ userDeleted: true, groupDeleted: true, failures: [] });
    expect(state.users.size).toBe(0);
  });

  it('keeps a group this setup did not create: the user is only removed from it', async () => {
    provisioned();
    const result = await deleteSetupUser({ iam, owned: { userCreated: 'onramp-admin' } }, request);
    expect(result).toMatchObject({ userDeleted: true, groupDeleted: false, groupNotOurs: true, failures: [] });
    expect([...state.group('onramp').attached]).toEqual(['arn:aws:iam::aws:policy/AmazonEC2FullAccess']);
    expect([...state.group('onramp').inline.keys()]).toEqual(['onramp-read-ami-and-decode']);
    expect(state.users.size).toBe(0);
  });

  it("deletes the user's virtual MFA devices that are no longer assigned, and no one else's", async () => {
    provisioned();
    const serial = state.user('onramp-admin').mfaSerial ?? '';
    state.user('onramp-admin').mfaSerial = undefined;
    delete state.devices.get(serial)?.user; // what a crash right after DeactivateMFADevice leaves
    const { serial: enrolling } = state.createVirtualMfaDevice('enrolling-by-hand'); // recorded by the setup at mfaBegin
    state.createVirtualMfaDevice('210987654321-colleague');
    await deleteSetupUser({ iam, owned: { ...owned, mfaSerials: [enrolling] } }, request);
    expect([...state.devices.keys()]).toEqual(['arn:aws:iam::210987654321:mfa/210987654321-colleague']);
  });

  it('a crash after any call leaves nothing the rerun does not clean: user, keys, MFA device, password, group', async () => {
    provisioned();
    await deleteSetupUser({ iam, owned }, request);
    const total = state.calls.length;
    expect(total).toBeGreaterThan(12);
    for (let k = 1; k <= total; k += 1) {
      stub.restore();
      state = new IamState('210987654321', ROOT);
      stub = mockIam(iam, state);
      provisioned();
      state.crashAfter(k);
      await deleteSetupUser({ iam, owned }, request).catch(() => undefined);
      expect(state.crashed, `crashed after call ${k} of ${total}`).toBe(true);
      state.crashAfter(undefined);
      const rerun = await deleteSetupUser({ iam, owned }, request);
      expect(rerun, `rerun after a crash after call ${k} (${state.calls[k - 1]})`).toEqual({ userDeleted: true, groupDeleted: true, failures: [] });
      expect(state.users.size).toBe(0);
      expect(state.groups.size).toBe(0);
      expect(state.devices.size, `MFA device left after a crash after ${state.calls[k - 1]}`).toBe(0);
      expect([...state.keys.keys()]).toEqual([ROOT.accessKeyId]);
    }
  }, 60_000);
});
