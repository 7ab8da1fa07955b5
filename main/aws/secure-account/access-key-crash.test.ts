/**
 * `secure-account.createAccessKey` killed after each of its AWS calls, against
 * the stateful IAM/STS mock, then run again in a fresh "process" (new
 * connection): the user ends with exactly one access key, the one in the vault,
 * and a third run neither makes another nor hits IAM's two-key limit; the
 * temporary root key is deleted from AWS and the vault whatever the crash.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../../testing/aws/aws-env-sandbox';
import { crashContext, iamCrashWorld } from '../../testing/aws/iam-crash-world';
import { SetupStateStore } from '../../setup/state-store';
import { createAccessKeyOperation } from './create-access-key';
import { MfaEnrollments } from '../iam/virtual-mfa';

let sandbox: AwsEnvSandbox;
beforeEach(() => {
  sandbox = createAwsEnvSandbox();
});
afterEach(() => sandbox.restore());

/** A fresh account with the setup's tagged user, a vault holding the temporary root key, and the setup pointing at it. */
async function world() {
  const base = await iamCrashWorld('onramp-key-crash-', { userName: 'dev', groupName: 'onramp', preset: 'ec2', consoleAccess: false });
  base.state.createUser('dev', [{ Key: 'onramp:setup', Value: base.setupId }]);
  const run = (store: SetupStateStore = base.setup) =>
    base.asProcess((connection) => createAccessKeyOperation({ connection, setup: store, secrets: base.secrets, mfa: new MfaEnrollments() }, []).run({ deleteRootKey: true }, crashContext()));
  return { ...base, run };
}

async function expectOneStoredKey(w: Awaited<ReturnType<typeof world>>, itemId: string, label: string): Promise<void> {
  const stored = await w.secrets.secretOf(itemId, 'aws-access-key');
  expect(w.state.keysOf('dev').map((k) => k.accessKeyId), label).toEqual([stored.accessKeyId]);
  expect((await w.setup.get()).resources.iam?.accessKeyIds, label).toContain(stored.accessKeyId);
  expect((await w.setup.get()).resources.iam?.pendingAccessKey, label).toBeUndefined();
  // The temporary root key the user asked to delete is gone from AWS and from the vault.
  expect(w.state.keysOf(undefined), label).toEqual([]);
  expect(w.secrets.find(w.rootItemId), label).toBeUndefined();
  expect((await w.setup.get()).resources.iam?.rootKeyToDelete, label).toBeUndefined();
}

describe('createAccessKey after a crash at every call', () => {
  it('never leaves a second key, whatever call the app died after', async () => {
    const clean = await world();
    await clean.run();
    const calls = [...clean.state.calls];
    expect(calls).toContain('CreateAccessKey');

    for (let k = 1; k <= calls.length; k += 1) {
      const w = await world();
      w.state.crashAfter(k);
      await expect(w.run(), `crash after call ${k} (${calls[k - 1]})`).rejects.toBeDefined();
      expect(w.state.crashed).toBe(true);
      w.state.crashAfter(undefined);

      const rerun = await w.run();
      await expectOneStoredKey(w, rerun.itemId, `rerun after a crash after ${calls[k - 1]} (call ${k})`);
      const third = await w.run();
      expect(third).toMatchObject({ reused: true, itemId: rerun.itemId });
      await expectOneStoredKey(w, third.itemId, `third run after a crash after ${calls[k - 1]}`);
      expect((await w.setup.get()).choices.awsSource).toEqual({ kind: 'vault', itemId: rerun.itemId });
    }
  }, 60_000);

  it('a kill right after the switch was written, before the root key was deleted: the rerun, as the IAM user, deletes it', async () => {
    const w = await world();
    // A store whose process dies just after writing the switch.
    const dying = Object.create(w.setup) as SetupStateStore;
    dying.update = async (change) => {
      const next = await w.setup.update(change);
      if (next.resources.iam?.rootKeyToDelete) throw new Error('killed');
      return next;
    };
    await expect(w.run(dying)).rejects.toThrow('killed');
    expect(w.state.keysOf(undefined)).toHaveLength(1);
    const rerun = await w.run();
    expect(rerun.rootKey).toBe('deleted');
    await expectOneStoredKey(w, rerun.itemId, 'after the rerun');
  });

  it("never deletes a key the setup did not make: an unknown key stays, and IAM's limit is reported", async () => {
    const w = await world();
    w.state.createAccessKey('dev');
    w.state.createAccessKey('dev');
    await expect(w.run()).rejects.toMatchObject({ code: 'iam.limitExceeded' });
    expect(w.state.keysOf('dev')).toHaveLength(2);
  });
});
