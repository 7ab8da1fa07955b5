/** Deleting the setup's IAM user against the stateful IAM mock: every part, idempotent, partial failures reported, others' things kept. */
import { IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IamState } from '../../testing/aws/iam-state';
import { mockIam } from '../../testing/aws/mock-clients';
import { currentStep, totpAt } from '../../testing/aws/totp';
import { deleteSetupUser } from './delete-user';

const ROOT = { accessKeyId: 'AKIAROOTROOTEXAMPLE1', secretAccessKey: 'rootSecretKeyExample/abcdefghijklmnopqrst' };
const request = { userName: 'onramp-admin', groupName: 'onramp', setupId: 'setup-1' };
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
  const { serial, seed } = state.createVirtualMfaDevice('onramp-admin');
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
    const result = await deleteSetupUser({ iam, onPart: (p) => parts.push(p) }, request);

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
    await deleteSetupUser({ iam }, request);
    expect(await deleteSetupUser({ iam }, request)).toEqual({ userDeleted: true, groupDeleted: true, failures: [] });
  });

  it('keeps the group when someone else is in it', async () => {
    provisioned();
    state.createUser('colleague', []).groups.add('onramp');
    const result = await deleteSetupUser({ iam }, request);
    expect(result).toMatchObject({ userDeleted: true, groupDeleted: false, groupKeptFor: 1, failures: [] });
    expect(state.groups.has('onramp')).toBe(true);
    expect(state.users.has('colleague')).toBe(true);
  });

  it('refuses a user this setup did not make, touching nothing', async () => {
    provisioned();
    state.user('onramp-admin').tags = [{ Key: 'onramp:setup', Value: 'someone-else' }];
    await expect(deleteSetupUser({ iam }, request)).rejects.toMatchObject({ code: 'iam.userNotOurs' });
    expect(state.user('onramp-admin').loginProfile).toBeDefined();
    expect(state.keysOf('onramp-admin')).toHaveLength(2);
  });

  it('reports a refused part, still does the rest, and a rerun finishes the job', async () => {
    provisioned();
    const refused = Object.assign(new Error('User is not authorized to perform: iam:ListAccessKeys'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    stub.on(ListAccessKeysCommand).rejectsOnce(refused);
    const first = await deleteSetupUser({ iam }, request);
    expect(first.userDeleted).toBe(false);
    expect(first.failures.map((f) => f.part)).toEqual(['accessKeys', 'user']);
    expect(state.keysOf('onramp-admin')).toHaveLength(2);
    expect(state.user('onramp-admin').loginProfile).toBeUndefined();
    expect(state.user('onramp-admin').groups.size).toBe(0);

    stub.restore();
    stub = mockIam(iam, state);
    expect(await deleteSetupUser({ iam }, request)).toEqual({ userDeleted: true, groupDeleted: true, failures: [] });
    expect(state.users.size).toBe(0);
  });
});
