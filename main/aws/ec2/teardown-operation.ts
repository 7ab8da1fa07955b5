/**
 * `done.teardown`: removes everything tagged for the setup (./teardown.ts),
 * then settles the vault items of the setup's key pairs. Which items those are
 * comes from the setup's own links (resources.sshKeyItemId, and the items'
 * awsKeyPairName + region for the key names the setup used), read before
 * anything is deleted: after a crash past DeleteKeyPair AWS lists no key pair
 * any more, and the rerun must still find the key. An item whose key pair no
 * longer exists is deleted when asked, else marked gone (kept, but never again
 * taken for a key pair); one whose key pair still exists is left alone.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { SetupState } from '../../../common/contract/schemas/setup';
import { isAppError } from '../../../common/errors';
import { defineOperation } from '../../setup/operation';
import type { SecretStore } from '../../vault/secret-store';
import { readErrorFacts } from '../error-facts';
import { clientsFor } from './ec2-clients';
import { toEc2Error } from './ec2-errors';
import { toContractError } from '../../setup/contract-error';
import type { ContractError } from '../../../common/contract/result';
import { describeKeyPair, type KeyVault } from './key-pair';
import type { LaunchStepDeps } from './launch-steps';
import { teardown } from './teardown';
import { removeSetupBudget, toBudgetAppError } from './cost-guard-operation';

export interface TeardownDeps extends LaunchStepDeps {
  vault: KeyVault & Pick<SecretStore, 'remove' | 'find'>;
}

/** The setup's key pair names and the vault items it links to them, as the setup records them. */
async function linkedKeyItems(vault: TeardownDeps['vault'], setup: SetupState, region: string, names: Iterable<string>): Promise<Map<string, string>> {
  const items = new Map<string, string>(); // item id → its key pair name
  const own = setup.resources.sshKeyItemId ? vault.find(setup.resources.sshKeyItemId) : undefined;
  if (own?.kind === 'ssh-key' && own.awsKeyPairName && own.region === region && !own.awsKeyPairGone) items.set(own.id, own.awsKeyPairName);
  for (const name of names) for (const id of await vault.keyPairItems(name, region)) items.set(id, name);
  return items;
}

/** Deletes (or marks gone) each linked item whose key pair no longer exists; returns how many were deleted. */
async function settleVaultKeys(deps: { ec2: EC2Client; vault: TeardownDeps['vault']; signal: AbortSignal }, items: Map<string, string>, deleteVaultKey: boolean): Promise<number> {
  let deleted = 0;
  const gone = new Map<string, boolean>();
  for (const [id, name] of items) {
    if (!gone.has(name)) gone.set(name, !(await describeKeyPair(deps.ec2, name, deps.signal)));
    if (!gone.get(name)) continue;
    if (deleteVaultKey) {
      await deps.vault.remove(id);
      deleted += 1;
    } else await deps.vault.markKeyPairGone(id);
  }
  return deleted;
}

export function teardownOperation(deps: TeardownDeps) {
  return defineOperation({
    kind: 'done.teardown',
    affects: { steps: ['launch-server', 'static-ip', 'domain', 'connect', 'web-server', 'app', 'https'], awsResources: true, undoes: ['launch-server', 'static-ip', 'connect', 'web-server', 'app', 'https'] },
    async run({ deleteVaultKey, deleteBudget }, { signal, progress }) {
      const setup = await deps.setup.get();
      const c = await clientsFor(deps.connection, setup);
      const names = new Set([setup.resources.keyPairName, setup.choices.launch?.keyPair.name].filter((n): n is string => !!n));
      // A locked vault: deleting the key needs it (refused before AWS is touched); keeping it does not (a later launch
      // retires the item of a key pair that no longer exists by itself).
      const linked = await linkedKeyItems(deps.vault, setup, c.region, names).catch((error: unknown) => {
        if (!deleteVaultKey && isAppError(error) && error.code === 'vault.locked') return undefined;
        throw error;
      });
      const parts = ['elasticIp', 'instance', 'securityGroup', 'keyPair', 'budget'] as const;
      try {
        const result = await teardown(
          { ec2: c.ec2, signal, onPart: (part) => progress({ phase: `ec2:teardown.${part}`, fraction: parts.indexOf(part) / parts.length }) },
          setup.setupId,
        );
        let vaultKeys = 0;
        if (linked) {
          const tagged = await linkedKeyItems(deps.vault, setup, c.region, result.removed.keyPairs.map((k) => k.keyName));
          for (const [id, name] of tagged) linked.set(id, name);
          vaultKeys = await settleVaultKeys({ ec2: c.ec2, vault: deps.vault, signal }, linked, deleteVaultKey);
        }
        // The budget goes only when the user asks: it guards the account, not just these resources.
        let budgets = 0;
        const budgetFailures: { part: 'budget'; id: string; code: string; error: ContractError }[] = [];
        if (deleteBudget) {
          progress({ phase: 'ec2:teardown.budget', fraction: parts.indexOf('budget') / parts.length });
          try {
            budgets = (await removeSetupBudget(c.connection, setup.setupId, signal)) ? 1 : 0;
          } catch (error) {
            if (signal.aborted) throw error;
            const explained = toBudgetAppError(error);
            budgetFailures.push({ part: 'budget', id: setup.setupId, code: explained.code, error: toContractError(explained, 'ec2.teardown') });
          }
        }
        // What EC2 made is gone: forget its ids. The IAM user's records are not EC2's and stay; a key pair's vault item
        // that was kept stays recorded with its key pair's name, so the journey model offers it for deletion.
        const keptKey = !deleteVaultKey || vaultKeys === 0;
        await deps.setup.update((s) => {
          // The app's service went with the instance (resources.app names what the App step made on it).
          const { instanceId: _i, allocationId: _a, elasticIp: _e, securityGroupId: _g, app: _app, keyPairName, sshKeyItemId, ...rest } = s.resources;
          return { ...s, resources: { ...rest, ...(keptKey && sshKeyItemId ? { sshKeyItemId, ...(keyPairName ? { keyPairName } : {}) } : {}) } };
        });
        return {
          removed: {
            addresses: result.removed.addresses.length,
            instances: result.removed.instances.length,
            securityGroups: result.removed.securityGroups.length,
            keyPairs: result.removed.keyPairs.length,
            vaultKeys,
            budgets,
          },
          failures: [
            ...(await Promise.all(
              result.failures.map(async (f) => {
                const explained = await toEc2Error(f.error);
                return { part: f.part, id: f.id, code: explained.code || readErrorFacts(f.error).name, error: toContractError(explained, 'ec2.teardown') };
              }),
            )),
            ...budgetFailures,
          ],
        };
      } catch (error) {
        if (signal.aborted) throw error;
        throw await toEc2Error(error);
      }
    },
  });
}
