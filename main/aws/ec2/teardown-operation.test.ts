/**
 * Teardown never leaves the setup's private key behind, and a launch after it never points at a dead key: killed
 * after every call of a teardown, a rerun removes the vault key (when asked) or marks it gone (when kept), and a
 * later launch makes a new key pair whose item is the only one the setup and the vault offer for it.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/errors';
import { context, launchChoices, operationDeps, REGION, type OperationDeps } from '../../testing/aws/ec2-operation-deps';
import { Ec2World } from '../../testing/aws/ec2-world';
import { launchOperation } from './launch-steps';
import { findKeyPair } from './key-pair';
import { teardownOperation } from './teardown-operation';

const credentials = { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'x'.repeat(40) };
let world: Ec2World;
let restore: () => void;
let ec2: EC2Client;
let ssm: SSMClient;

function fresh(): OperationDeps {
  restore?.();
  world = new Ec2World();
  ec2 = new EC2Client({ region: REGION, credentials });
  ssm = new SSMClient({ region: REGION, credentials });
  restore = world.attach(ec2, ssm);
  return operationDeps(ec2, ssm);
}

beforeEach(() => void fresh());
afterEach(() => restore());

const launch = (deps: OperationDeps, signal?: AbortSignal) => launchOperation(deps).run(launchChoices, context(signal));
const tearDown = (deps: OperationDeps, deleteVaultKey: boolean, signal?: AbortSignal) => teardownOperation(deps).run({ deleteVaultKey, deleteBudget: false }, context(signal));

function expectNothingInAws(): void {
  expect(world.liveInstances()).toHaveLength(0);
  expect(world.addresses.size + world.groups.size + world.keyPairs.size).toBe(0);
}

/** How many calls a clean teardown makes after a clean launch. */
async function teardownCalls(deleteVaultKey: boolean): Promise<number> {
  const deps = fresh();
  await launch(deps);
  const before = world.calls.length;
  await tearDown(deps, deleteVaultKey);
  return world.calls.length - before;
}

describe('teardown and the vault key, killed after every call', () => {
  it('asked to delete the key: whatever call it died after, the rerun leaves no private key of a deleted key pair', async () => {
    const total = await teardownCalls(true);
    expect(total).toBeGreaterThan(6);
    for (let k = 1; k <= total; k += 1) {
      const deps = fresh();
      await launch(deps);
      world.crashAfter(world.calls.length + k);
      await expect(tearDown(deps, true, world.crashSignal), `crash after teardown call ${k} of ${total}`).rejects.toBeDefined();
      world.crashAfter(undefined);
      await tearDown(deps, true);
      expectNothingInAws();
      expect([...deps.vault.items.values()], `vault after a crash at teardown call ${k}`).toEqual([]);
    }
  }, 120_000);

  it('asked to keep the key: the rerun marks it gone, and a later launch makes and points at a new key', async () => {
    const total = await teardownCalls(false);
    for (let k = 1; k <= total; k += 1) {
      const deps = fresh();
      await launch(deps);
      const oldItem = deps.state().resources.sshKeyItemId ?? '';
      world.crashAfter(world.calls.length + k);
      await expect(tearDown(deps, false, world.crashSignal)).rejects.toBeDefined();
      world.crashAfter(undefined);
      await tearDown(deps, false);
      expectNothingInAws();
      expect(deps.vault.items.get(oldItem)?.awsKeyPairGone, `kept key marked after a crash at teardown call ${k}`).toBeDefined();

      await launch(deps);
      const newItem = deps.state().resources.sshKeyItemId ?? '';
      expect(newItem).not.toBe(oldItem);
      expect(await findKeyPair(deps.vault, 'blog-key', REGION)).toBe(newItem);
      expect(await deps.vault.keyPairItems('blog-key', REGION)).toEqual([newItem]);
      expect(world.keyPairs.size).toBe(1);
    }
  }, 120_000);

  it('a key pair deleted outside Onramp: the relaunch retires the dead item instead of reusing it', async () => {
    const deps = fresh();
    await launch(deps);
    const oldItem = deps.state().resources.sshKeyItemId ?? '';
    world.keyPairs.clear(); // deleted in the console; the instance keeps running
    await launch(deps);
    const newItem = deps.state().resources.sshKeyItemId ?? '';
    expect(newItem).not.toBe(oldItem);
    expect(deps.vault.items.get(oldItem)?.awsKeyPairGone).toBeDefined();
    expect(world.keyPairs.has('blog-key')).toBe(true);
  });

  it('a key pair that still exists (a reused one of the user) keeps its vault item through teardown', async () => {
    const deps = fresh();
    world.keyPairs.set('laptop', { name: 'laptop', type: 'ed25519', tags: [] });
    await deps.vault.add('ssh-key', { privateKey: 'k' }, { label: 'laptop', awsKeyPairName: 'laptop', region: REGION });
    await launchOperation(deps).run({ ...launchChoices, keyPair: { ...launchChoices.keyPair, name: 'laptop' } }, context());
    const result = await tearDown(deps, true);
    expect(result.removed.vaultKeys).toBe(0);
    expect(world.keyPairs.has('laptop')).toBe(true);
    expect([...deps.vault.items.values()].map((i) => [i.label, i.awsKeyPairGone])).toEqual([['laptop', undefined]]);
  });

  it('a locked vault: keeping the key tears down anyway; deleting it is refused before AWS is touched', async () => {
    const deps = fresh();
    await launch(deps);
    const locked = { ...deps, vault: { ...deps.vault, keyPairItems: async () => Promise.reject(new AppError('vault.locked', 'The vault is locked.')), find: () => { throw new AppError('vault.locked', 'The vault is locked.'); } } };
    const before = world.calls.length;
    await expect(teardownOperation(locked).run({ deleteVaultKey: true, deleteBudget: false }, context())).rejects.toMatchObject({ code: 'vault.locked' });
    expect(world.calls.slice(before).filter((c) => !c.startsWith('Describe'))).toEqual([]);
    await teardownOperation(locked).run({ deleteVaultKey: false, deleteBudget: false }, context());
    expectNothingInAws();
    expect(deps.vault.items.size).toBe(1); // kept, unmarked; the next launch retires it (see above)
  });
});


describe('a part teardown could not remove', () => {
  it('is reported with its translated error (code and params), not a bare code', async () => {
    const deps = fresh();
    await launch(deps);
    const denied = Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });
    world.failNext.set('DeleteKeyPair', denied);
    const result = await tearDown(deps, false);
    expect(result.failures).toEqual([
      {
        part: 'keyPair',
        id: expect.any(String) as string,
        code: 'ec2.unauthorized',
        error: { code: 'ec2.unauthorized', message: 'Not authorized for this EC2 operation', params: { awsCode: 'UnauthorizedOperation', action: 'ec2:*' } },
      },
    ]);
  });
});
