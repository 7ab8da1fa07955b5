/**
 * The vault's contract handlers. Every response is metadata (item-view.ts);
 * secrets leave the vault only into files (export) or the main-side clipboard
 * (copySecret, cleared after 30 s). Every change is followed by `vault.changed`.
 */
import type { HandlersFor } from '../../common/contract/types-helpers';
import { vaultError } from './errors';
import { exportItem } from './export-handler';
import { importIntoVault } from './import-handler';
import { warmUpImportWorker } from './import/off-thread';
import type { VaultContext } from './vault-context';

/** Runs a status-changing call, then tells every page. */
async function changing<T>(context: VaultContext, run: () => Promise<T>): Promise<T> {
  const result = await run();
  await context.notify();
  return result;
}

export function vaultHandlers(context: VaultContext): HandlersFor<'vault'> {
  const { vault } = context;
  warmUpImportWorker(); // imports decrypt keys in a worker thread; load it before the first one
  return {
    'vault.status': () => vault.status(),
    'vault.initKeychain': () => changing(context, () => vault.initWithKeychain()),
    'vault.initPassphrase': ({ passphrase }) => changing(context, () => vault.initWithPassphrase(passphrase)),
    'vault.unlock': ({ passphrase }) =>
      changing(context, () => (passphrase === undefined ? vault.open() : vault.unlockWithPassphrase(passphrase))),
    'vault.lock': () =>
      changing(context, async () => {
        vault.lock();
        return vault.status();
      }),
    'vault.reset': () =>
      changing(context, async () => {
        const { backupPath } = await vault.reset();
        return { backupPath, status: await vault.status() };
      }),
    'vault.list': async () => ({ items: await context.items() }),
    'vault.import': (request) => importIntoVault(context, request),
    'vault.addAccessKey': async ({ label, accessKeyId, secretAccessKey }) => {
      const meta = await vault.add('aws-access-key', { accessKeyId, secretAccessKey }, { label: label || `Access key ${accessKeyId.slice(-4)}` });
      await context.notify();
      return { item: await context.view(meta) };
    },
    'vault.rename': async ({ id, label }) => {
      const meta = await vault.rename(id, label);
      await context.notify();
      return { item: await context.view(meta) };
    },
    'vault.setServerHost': async ({ id, serverHost }) => {
      const current = vault.get(id);
      if (current.kind !== 'ssh-key') {
        throw vaultError('wrongItemKind', `Item ${id} is a ${current.kind}, not an SSH key.`, { expected: 'ssh-key', actual: current.kind });
      }
      const meta = await vault.updateMeta(id, { serverHost: serverHost || undefined });
      await context.notify();
      return { item: await context.view(meta) };
    },
    'vault.remove': async ({ id }) => {
      await vault.remove(id);
      context.forget(id);
      await context.notify();
      return { removed: true as const };
    },
    'vault.export': (request) => exportItem(context, request),
    'vault.copySecret': async ({ id }) => {
      const meta = vault.get(id);
      if (meta.kind !== 'console-login') {
        throw vaultError('wrongItemKind', `Only console logins have a password to copy.`, { expected: 'console-login', actual: meta.kind });
      }
      const { password } = await vault.getSecretOf(id, 'console-login');
      context.clipboard.writeSecret(password);
      return { clearsAfterSeconds: Math.round(context.clipboard.clearAfterMs / 1000) };
    },
  };
}
