/** The group, against the stateful IAM mock: only one this setup made is used, and a changed preset takes back only what the setup attached. */
import { IAMClient } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IamState } from '../../testing/aws/iam-state';
import { mockIam } from '../../testing/aws/mock-clients';
import { CLOCK_SKEW_MS, ensureGroup } from './group';
import { memoryLedger } from './ledger';
import { LEAST_PRIVILEGE_POLICY_NAME } from './least-privilege';
import { ONRAMP_INLINE_POLICY_NAME, presetOf, type PolicyPresetId } from './policy-presets';

const ROOT = { accessKeyId: 'AKIAROOTROOTEXAMPLE1', secretAccessKey: 'rootSecretKeyExample/abcdefghijklmnopqrst' };
const EC2_FULL = 'arn:aws:iam::aws:policy/AmazonEC2FullAccess';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
let state: IamState;
let iam: IAMClient;
let stub: ReturnType<typeof mockIam>;

beforeEach(() => {
  state = new IamState('210987654321', ROOT);
  iam = new IAMClient({ region: 'us-east-1', credentials: ROOT });
  stub = mockIam(iam, state);
});
afterEach(() => stub.restore());

const ensure = (groupName: string, preset: PolicyPresetId, ledger = memoryLedger()) =>
  ensureGroup(iam, { groupName, preset: presetOf(preset, 'aws', 'setup-1'), partition: 'aws', userName: 'dev' }, ledger);

describe('ensureGroup', () => {
  it('creates the group with the least-privilege policy (EC2 only) and records both', async () => {
    const ledger = memoryLedger();
    const result = await ensure('onramp', 'ec2', ledger);
    expect(result).toEqual({ created: true, attached: [], removed: [] });
    const group = state.group('onramp');
    expect([...group.attached]).toEqual([]);
    expect([...group.inline.keys()]).toEqual([LEAST_PRIVILEGE_POLICY_NAME]);
    expect(ledger.value).toEqual({ groupCreated: 'onramp', attachedPolicyArns: [], inlinePolicyNames: [LEAST_PRIVILEGE_POLICY_NAME] });
  });

  it("refuses an existing group it did not make, naming its policies and a free name, and changes nothing", async () => {
    state.createGroup('ops');
    state.group('ops').attached.add(ADMIN);
    state.group('ops').inline.set('legacy', '{}');
    state.createGroup('ops-2');
    const ledger = memoryLedger();
    await expect(ensure('ops', 'ec2', ledger)).rejects.toMatchObject({
      code: 'iam.groupTaken',
      params: { groupName: 'ops', policies: 'AdministratorAccess, legacy (inline)', suggestion: 'ops-3' },
    });
    expect([...state.group('ops').attached]).toEqual([ADMIN]);
    expect([...state.group('ops').inline.keys()]).toEqual(['legacy']);
    expect(ledger.value).toEqual({});
  });

  it('run again: reuses its own group without creating it twice', async () => {
    const ledger = memoryLedger();
    await ensure('onramp', 'ec2', ledger);
    const again = await ensure('onramp', 'ec2', ledger);
    expect(again).toEqual({ created: false, attached: [], removed: [] });
    expect(state.calls.filter((c) => c === 'CreateGroup')).toHaveLength(1);
  });

  it('a changed preset detaches the old preset, and only what the setup attached', async () => {
    const ledger = memoryLedger();
    await ensure('onramp', 'admin', ledger);
    state.group('onramp').attached.add('arn:aws:iam::aws:policy/ReadOnlyAccess'); // someone else's doing
    const toFull = await ensure('onramp', 'ec2-full', ledger);
    expect(toFull).toEqual({ created: false, attached: [EC2_FULL], removed: [ADMIN] });
    expect([...state.group('onramp').attached].sort()).toEqual([EC2_FULL, 'arn:aws:iam::aws:policy/ReadOnlyAccess'].sort());

    const toLeast = await ensure('onramp', 'ec2', ledger);
    expect(toLeast.removed).toEqual([EC2_FULL, ONRAMP_INLINE_POLICY_NAME]);
    expect([...state.group('onramp').attached]).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect([...state.group('onramp').inline.keys()]).toEqual([LEAST_PRIVILEGE_POLICY_NAME]);
    expect(ledger.value).toMatchObject({ attachedPolicyArns: [], inlinePolicyNames: [LEAST_PRIVILEGE_POLICY_NAME] });
  });

  it('after a crash at any call, a rerun adopts the group it made and leaves it with exactly the preset', async () => {
    for (let k = 1; ; k += 1) {
      beforeEachFresh();
      const ledger = memoryLedger();
      state.crashAfter(k);
      const first = await ensure('onramp', 'admin', ledger).then(() => 'finished', () => 'crashed');
      state.crashAfter(undefined);
      await ensure('onramp', 'ec2-full', ledger);
      expect([...state.group('onramp').attached], `crash after call ${k}`).toEqual([EC2_FULL]);
      expect([...state.group('onramp').inline.keys()]).toEqual([ONRAMP_INLINE_POLICY_NAME]);
      expect(ledger.value.groupCreated).toBe('onramp');
      expect(ledger.value.pendingGroup).toBeUndefined();
      if (first === 'finished') {
        expect(k, 'calls of one clean run: CreateGroup, AttachGroupPolicy').toBe(3);
        break;
      }
    }
  });

  it("a changed group name takes the user out of the setup's earlier group and deletes it when nobody else is in it", async () => {
    const ledger = memoryLedger();
    await ensure('onramp', 'admin', ledger);
    state.createUser('dev', []).groups.add('onramp');
    await ensure('onramp-2', 'ec2', ledger);
    expect(state.groups.has('onramp')).toBe(false);
    expect(state.user('dev').groups.has('onramp')).toBe(false);
    expect(ledger.value).toMatchObject({ groupCreated: 'onramp-2', attachedPolicyArns: [], inlinePolicyNames: [LEAST_PRIVILEGE_POLICY_NAME] });
  });

  it('an earlier group someone else joined stays as it is; only the user leaves it', async () => {
    const ledger = memoryLedger();
    await ensure('onramp', 'admin', ledger);
    state.createUser('dev', []).groups.add('onramp');
    state.createUser('colleague', []).groups.add('onramp');
    await ensure('onramp-2', 'ec2', ledger);
    expect([...state.group('onramp').attached]).toEqual([ADMIN]);
    expect(state.user('dev').groups.has('onramp')).toBe(false);
    expect(state.user('colleague').groups.has('onramp')).toBe(true);
    expect(ledger.value.groupCreated).toBe('onramp-2');
  });

  it('makes its group again when it was deleted outside Onramp', async () => {
    const ledger = memoryLedger();
    await ensure('onramp', 'ec2-full', ledger);
    state.group('onramp').attached.clear();
    state.group('onramp').inline.clear();
    state.groups.delete('onramp');
    const again = await ensure('onramp', 'ec2-full', ledger);
    expect(again.created).toBe(true);
    expect([...state.group('onramp').attached]).toEqual([EC2_FULL]);
  });

  it('does not adopt a group older than the recorded intent (the create failed because it already existed)', async () => {
    state.createGroup('ops');
    state.group('ops').createDate = new Date(Date.now() - 2 * CLOCK_SKEW_MS);
    const ledger = memoryLedger({ pendingGroup: { name: 'ops', at: Date.now() } });
    await expect(ensure('ops', 'ec2', ledger)).rejects.toMatchObject({ code: 'iam.groupTaken' });
    expect(ledger.value.pendingGroup).toBeUndefined();
  });

  it('keeps the least-privilege policy under IAM\'s 5,120-character limit for a group\'s inline policies', () => {
    const [policy] = presetOf('ec2', 'aws-us-gov', '0f8fad5b-d9cb-469f-a165-70867728950e').inline;
    expect(policy?.document.replace(/\s/g, '').length).toBeLessThan(5120);
  });
});

function beforeEachFresh(): void {
  stub.restore();
  state = new IamState('210987654321', ROOT);
  iam = new IAMClient({ region: 'us-east-1', credentials: ROOT });
  stub = mockIam(iam, state);
}
