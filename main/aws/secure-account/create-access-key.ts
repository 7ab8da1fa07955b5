/**
 * `secure-account.createAccessKey`: the IAM user's own access key, stored in
 * the vault; proved with GetCallerIdentity (a new key takes a few seconds to
 * work everywhere, so AWS's "invalid key" is retried for a while); then, for
 * the temporary root key of Connect AWS's second way in, the root key is
 * deleted with the root credentials and ListAccessKeys confirms it; last, the
 * app switches its connection (and the remembered source) to the new key.
 *
 * Idempotent: a key this setup stored that AWS still lists is reused; a key
 * whose vault write failed is deleted again, so none is left unknown.
 */
import { IAMClient } from '@aws-sdk/client-iam';

import type { CallerIdentity } from '../identity';
import { accessKeyIds, createAccessKey, deleteAccessKey, deleteOwnKeyConfirmed } from '../iam/access-key';
import { iamError } from '../iam/iam-errors';
import { defineOperation } from '../../setup/operation';
import { chosenIamUser, iamOf, liveConnection, type SecureAccountDeps } from './context';
import { itemNamesIn } from '../../ui-language';

/** Waits between GetCallerIdentity attempts with a brand-new key (about 20 s in all). */
export const PROVE_DELAYS_MS = [1000, 2000, 3000, 4000, 5000, 5000];

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason as Error)), { once: true });
  });
}

async function proveKey(prove: () => Promise<CallerIdentity>, delays: number[], signal: AbortSignal): Promise<CallerIdentity> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await prove();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const delay = delays[attempt];
      if (code !== 'aws.invalidAccessKey' || delay === undefined) throw error;
      await sleep(delay, signal);
    }
  }
}

async function reusableKey(deps: SecureAccountDeps, listed: string[]): Promise<string | undefined> {
  const itemId = (await deps.setup.get()).resources.iamAccessKeyItemId;
  if (!itemId || !deps.secrets.find(itemId)) return undefined;
  const { accessKeyId } = await deps.secrets.secretOf(itemId, 'aws-access-key');
  return listed.includes(accessKeyId) ? itemId : undefined;
}

export function createAccessKeyOperation(deps: SecureAccountDeps, proveDelaysMs: number[] = PROVE_DELAYS_MS) {
  return defineOperation({
    kind: 'secure-account.createAccessKey',
    step: 'secure-account',
    async run(input, { signal, progress }) {
      const live = await liveConnection(deps);
      const iam = iamOf(live);
      const { userName } = await chosenIamUser(deps.setup);
      const { accountId } = live.identity;

      progress({ phase: 'iam:phases.accessKey', fraction: 0.15 });
      let itemId = await reusableKey(deps, await accessKeyIds(iam, userName, signal));
      const reused = itemId !== undefined;
      if (!itemId) {
        const key = await createAccessKey(iam, userName, signal);
        try {
          const item = await deps.secrets.add('aws-access-key', key, {
            label: itemNamesIn(deps.itemLanguage?.()).userAccessKey(userName, accountId),
            ...(/^\d{12}$/.test(accountId) ? { accountId } : {}),
          });
          itemId = item.id;
        } catch (error) {
          await deleteAccessKey(iam, key.accessKeyId, userName).catch(() => undefined);
          throw error;
        }
        const newItemId = itemId;
        await deps.setup.update((s) => ({ ...s, resources: { ...s.resources, iamAccessKeyItemId: newItemId } }));
      }
      const source = { kind: 'vault' as const, itemId };

      progress({ phase: 'iam:phases.proveKey', fraction: 0.4, message: { key: 'iam:progress.proveKey' } });
      const identity = await proveKey(() => deps.connection.probe(source, live.region), proveDelaysMs, signal);
      if (identity.principalKind !== 'iam-user' || !identity.arn.endsWith(`:user/${userName}`)) {
        throw iamError('keyNotProven', `The new key belongs to ${identity.arn}, not ${userName}`, { arn: identity.arn });
      }

      // Remember the new source first: after a crash from here on, the app comes back as the IAM user.
      await deps.setup.update((s) => ({
        ...s,
        choices: { ...s.choices, awsSource: source, awsIdentity: { accountId: identity.accountId, arn: identity.arn, isRoot: false } },
      }));

      let rootKey: 'deleted' | 'none' | 'kept' = live.identity.isRoot ? 'kept' : 'none';
      if (input.deleteRootKey && live.identity.isRoot && live.source.kind === 'vault') {
        progress({ phase: 'iam:phases.deleteRootKey', fraction: 0.65 });
        const rootSource = live.source;
        const { accessKeyId } = await deps.secrets.secretOf(rootSource.itemId, 'aws-access-key');
        // Private root clients: the Connect AWS check may switch the shared connection to the new source meanwhile.
        await deps.connection.withClients(rootSource, live.region, (root) => deleteOwnKeyConfirmed(root.get(IAMClient), accessKeyId, signal));
        rootKey = 'deleted';
        await deps.secrets.remove(rootSource.itemId);
      }

      progress({ phase: 'iam:phases.switch', fraction: 0.85 });
      const switched = await deps.connection.connect(source, live.region);
      const { arn } = switched.identity;
      progress({ phase: 'iam:phases.done', fraction: 1 });
      return { arn, itemId, reused, rootKey };
    },
  });
}
