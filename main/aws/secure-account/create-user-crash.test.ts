/**
 * `secure-account.createUser` killed after each of its AWS calls, against the
 * stateful IAM/STS mock, then run again in a fresh "process": one group with
 * exactly the preset's policies, one tagged user in it, one console password
 * whose vault copy works, and a ledger that records all of it.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsConnection } from '../aws-connection';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../../testing/aws/aws-env-sandbox';
import { IamState } from '../../testing/aws/iam-state';
import { mockAwsClientsFactory } from '../../testing/aws/mock-clients';
import { MemorySecretStore } from '../../testing/vault/memory-secret-store';
import { SetupStateStore } from '../../setup/state-store';
import { createUserOperation } from './create-user';
import { MfaEnrollments } from '../iam/virtual-mfa';
import { LEAST_PRIVILEGE_POLICY_NAME } from '../iam/least-privilege';

const ACCOUNT = '123456789012';
const ROOT_KEY = { accessKeyId: 'AKIAROOTROOTROOT0001', secretAccessKey: 'rootsecretrootsecretroot' };
const input = { userName: 'dev', groupName: 'onramp', preset: 'ec2' as const, consoleAccess: true, passwordResetRequired: true, existingLoginProfile: 'ask' as const };
const context = () => ({ signal: new AbortController().signal, progress: () => undefined });

let sandbox: AwsEnvSandbox;
beforeEach(() => {
  sandbox = createAwsEnvSandbox();
});
afterEach(() => sandbox.restore());

async function world() {
  const state = new IamState(ACCOUNT, ROOT_KEY);
  const secrets = new MemorySecretStore();
  const setup = new SetupStateStore(mkdtempSync(path.join(os.tmpdir(), 'onramp-user-crash-')));
  const rootItemId = (await secrets.seed('aws-access-key', ROOT_KEY, 'root (temporary)')).id;
  await setup.update((s) => ({ ...s, choices: { ...s.choices, awsSource: { kind: 'vault', itemId: rootItemId }, region: 'ap-northeast-2' } }));
  const run = async () => {
    const connection = new AwsConnection({ getAccessKey: (id) => secrets.secretOf(id, 'aws-access-key') }, undefined, mockAwsClientsFactory(state));
    try {
      return await createUserOperation({ connection, setup, secrets, mfa: new MfaEnrollments() }).run(input, context());
    } finally {
      connection.dispose();
    }
  };
  return { state, secrets, setup, run };
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
