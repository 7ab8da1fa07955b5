/**
 * `secure-account.createAccessKey`: the IAM user's own access key, stored in
 * the vault; proved with GetCallerIdentity (a new key takes a few seconds to
 * work everywhere, so AWS's "invalid key" is retried for a while); then, for
 * the temporary root key of Connect AWS's second way in, the root key is
 * deleted with the root credentials and ListAccessKeys confirms it; last, the
 * app switches its connection (and the remembered source) to the new key.
 *
 * Idempotent: a key this setup stored that AWS still lists is reused; a key
 * whose vault write failed is deleted again, so none is left unknown. Before
 * CreateAccessKey the keys the user has are recorded (the intent); a rerun
 * after a crash deletes the keys made since that are not in the vault, so a
 * crash never leaves a second key (nor LimitExceeded on the third run).
 */
import { IAMClient } from '@aws-sdk/client-iam';

import type { CallerIdentity } from '../identity';
import { accessKeyIds, createAccessKey, deleteAccessKey, deleteOwnKeyConfirmed } from '../iam/access-key';
import type { IamResources } from '../../../common/contract/schemas/iam';
import { iamError } from '../iam/iam-errors';
import { setupLedger, withItem } from '../iam/ledger';
import { findUser, isTaggedFor } from '../iam/user';
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

/**
 * Keys a crashed earlier run made and never stored: listed now, not there just
 * before its CreateAccessKey (the recorded intent), and not the key in use.
 * They are deleted; the keys that remain are returned.
 */
async function deleteCrashLeftovers(
  iam: IAMClient,
  { userName, listed, inUse }: { userName: string; listed: string[]; inUse: string | undefined },
  owned: IamResources,
  signal: AbortSignal,
): Promise<string[]> {
  const before = owned.pendingAccessKey?.before;
  if (!before) return listed;
  const leftovers = listed.filter((id) => !before.includes(id) && id !== inUse);
  for (const id of leftovers) await deleteAccessKey(iam, id, userName, signal);
  return listed.filter((id) => !leftovers.includes(id));
}

/**
 * Deletes the root key with its own credentials (private clients: the Connect
 * AWS check may switch the shared connection meanwhile). A root key AWS no
 * longer knows (a crashed earlier run deleted it) is deleted already.
 */
async function deleteRootKeyOf(deps: SecureAccountDeps, rootSource: { kind: 'vault'; itemId: string }, region: string, signal: AbortSignal): Promise<void> {
  const { accessKeyId } = await deps.secrets.secretOf(rootSource.itemId, 'aws-access-key');
  try {
    await deps.connection.withClients(rootSource, region, (root) => deleteOwnKeyConfirmed(root.get(IAMClient), accessKeyId, signal));
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'aws.invalidAccessKey') throw error;
  }
}

export function createAccessKeyOperation(deps: SecureAccountDeps, proveDelaysMs: number[] = PROVE_DELAYS_MS) {
  return defineOperation({
    kind: 'secure-account.createAccessKey',
    step: 'secure-account',
    // The key switch replaces the app's AWS source: everything read with it is read again.
    affects: { steps: ['connect-aws', 'launch-server', 'static-ip'], awsResources: true },
    async run(input, { signal, progress }) {
      const live = await liveConnection(deps);
      const iam = iamOf(live);
      const { userName } = await chosenIamUser(deps.setup);
      const { accountId } = live.identity;

      progress({ phase: 'iam:phases.accessKey', fraction: 0.15 });
      const { setupId } = await deps.setup.get();
      const user = await findUser(iam, userName, signal);
      if (!user || !isTaggedFor(user, setupId)) throw iamError('userNotOurs', `The IAM user ${userName} was not made by this setup`, { userName });
      const ledger = setupLedger(deps.setup);
      const listed = await accessKeyIds(iam, userName, signal);
      let itemId = await reusableKey(deps, listed);
      const reused = itemId !== undefined;
      if (!itemId) {
        const inUse = live.source.kind === 'vault' ? (await deps.secrets.secretOf(live.source.itemId, 'aws-access-key')).accessKeyId : undefined;
        const kept = await deleteCrashLeftovers(iam, { userName, listed, inUse }, await ledger.read(), signal);
        await ledger.update((r) => ({ ...r, pendingAccessKey: { before: kept } }));
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
        await deps.setup.update((s) => {
          const { pendingAccessKey: _, ...owned } = s.resources.iam ?? {};
          const iamRecord = { ...owned, accessKeyIds: withItem(owned.accessKeyIds, key.accessKeyId) };
          return { ...s, resources: { ...s.resources, iamAccessKeyItemId: newItemId, iam: iamRecord } };
        });
      }
      const source = { kind: 'vault' as const, itemId };

      progress({ phase: 'iam:phases.proveKey', fraction: 0.4, message: { key: 'iam:progress.proveKey' } });
      const identity = await proveKey(() => deps.connection.probe(source, live.region), proveDelaysMs, signal);
      if (identity.principalKind !== 'iam-user' || !identity.arn.endsWith(`:user/${userName}`)) {
        throw iamError('keyNotProven', `The new key belongs to ${identity.arn}, not ${userName}`, { arn: identity.arn });
      }

      // Remember the new source first: after a crash from here on, the app comes back as the IAM user.
      // With it, the root key still to delete (its vault item): a rerun as the IAM user finishes that.
      const deleteRoot = input.deleteRootKey && live.identity.isRoot && live.source.kind === 'vault' ? live.source.itemId : undefined;
      await deps.setup.update((s) => ({
        ...s,
        choices: { ...s.choices, awsSource: source, awsIdentity: { accountId: identity.accountId, arn: identity.arn, isRoot: false } },
        resources: deleteRoot ? { ...s.resources, iam: { ...s.resources.iam, rootKeyToDelete: deleteRoot } } : s.resources,
      }));

      let rootKey: 'deleted' | 'none' | 'kept' = live.identity.isRoot ? 'kept' : 'none';
      const rootItemId = deleteRoot ?? (await ledger.read()).rootKeyToDelete;
      if (rootItemId) {
        progress({ phase: 'iam:phases.deleteRootKey', fraction: 0.65 });
        if (deps.secrets.find(rootItemId)) {
          await deleteRootKeyOf(deps, { kind: 'vault', itemId: rootItemId }, live.region, signal);
          await deps.secrets.remove(rootItemId);
        }
        rootKey = 'deleted';
        await ledger.update(({ rootKeyToDelete: _, ...r }) => r);
      }

      progress({ phase: 'iam:phases.switch', fraction: 0.85 });
      const switched = await deps.connection.connect(source, live.region);
      const { arn } = switched.identity;
      progress({ phase: 'iam:phases.done', fraction: 1 });
      return { arn, itemId, reused, rootKey };
    },
  });
}
