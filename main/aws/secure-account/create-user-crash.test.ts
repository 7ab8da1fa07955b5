/**
 * `secure-account.createUser` killed after each of its AWS calls, against the
 * stateful IAM/STS mock, then run again in a fresh "process": one group with
 * exactly the preset's policies, one tagged user in it, one console password
 * whose vault copy works, and a ledger that records all of it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../../testing/aws/aws-env-sandbox';
import { crashContext, iamCrashWorld } from '../../testing/aws/iam-crash-world';
import { createUserOperation } from './create-user';
import { MfaEnrollments } from '../iam/virtual-mfa';
import { LEAST_PRIVILEGE_POLICY_NAME } from '../iam/least-privilege';

const input = { userName: 'dev', groupName: 'onramp', preset: 'ec2' as const, consoleAccess: true, passwordResetRequired: true, existingLoginProfile: 'ask' as const };

let sandbox: AwsEnvSandbox;
beforeEach(() => {
  sandbox = createAwsEnvSandbox();
});
afterEach(() => sandbox.restore());

async function world() {
  const base = await iamCrashWorld('onramp-user-crash-');
  const run = () => base.asProcess((connection) => createUserOperation({ connection, setup: base.setup, secrets: base.secrets, mfa: new MfaEnrollments() }).run(input, crashContext()));
  return { ...base, run };
}

describe('createUser after a crash at every call', () => {
  it('leaves one group with the preset, one tagged user in it, and a console password whose vault copy is the one AWS has', async () => {
    const clean = await world();
    await clean.run();
    const calls = [...clean.state.calls];
    expect(calls).toEqual(expect.arrayContaining(['CreateGroup', 'PutGroupPolicy', 'CreateUser', 'AddUserToGroup', 'CreateLoginProfile']));

    for (let k = 1; k <= calls.length; k += 1) {
      const w = await world();
      w.state.crashAfter(k);
      await expect(w.run(), `crash after call ${k} (${calls[k - 1]})`).rejects.toBeDefined();
      w.state.crashAfter(undefined);
      const rerun = await w.run();
      const label = `rerun after a crash after ${calls[k - 1]} (call ${k})`;

      expect(rerun.loginProfile, label).toMatch(/^(created|reset)$/);
      expect([...w.state.groups.keys()], label).toEqual(['onramp']);
      expect([...w.state.group('onramp').attached], label).toEqual([]);
      expect([...w.state.group('onramp').inline.keys()], label).toEqual([LEAST_PRIVILEGE_POLICY_NAME]);
      expect([...w.state.users.keys()], label).toEqual(['dev']);
      expect([...w.state.user('dev').groups], label).toEqual(['onramp']);
      const stored = await w.secrets.secretOf(rerun.consoleLoginItemId ?? '', 'console-login');
      expect(stored.password, label).toBe(w.state.user('dev').loginProfile?.password);
      expect([...w.secrets.items.values()].filter((i) => i.meta.kind === 'console-login'), label).toHaveLength(1);
      const { resources } = await w.setup.get();
      expect(resources.iam, label).toMatchObject({ groupCreated: 'onramp', userCreated: 'dev', inlinePolicyNames: [LEAST_PRIVILEGE_POLICY_NAME] });
      expect(resources.iam?.pendingGroup, label).toBeUndefined();
      expect(resources.iam?.loginProfilePending, label).toBeUndefined();
    }
  }, 60_000);
});
