/**
 * The vault's contract handlers. Every response is metadata (item-view.ts);
 * secrets leave the vault only into files (export) or the main-side clipboard
 * (copySecret, cleared after 30 s). The vault announces every change itself
 * (`vault.changed`, vault-context.ts); handlers never send it.
 */
import type { HandlersFor } from '../../common/contract/types';
import { vaultError } from './errors';
import { exportItem, exportRaw } from './export-handler';
import { importIntoVault } from './import-handler';
import { warmUpImportWorker } from './import/off-thread';
import type { VaultContext } from './vault-context';
import { itemNamesIn } from '../ui-language';

export function vaultHandlers(context: VaultContext): HandlersFor<'vault'> {
  const { vault } = context;
  warmUpImportWorker(); // imports decrypt keys in a worker thread; load it before the first one
  return {
    'vault.status': async () => {
      await vault.refresh(); // another Onramp may have changed the file
      return vault.status();
    },
    'vault.initKeychain': () => vault.initWithKeychain(),
    'vault.initPassphrase': ({ passphrase }) => vault.initWithPassphrase(passphrase),
    'vault.unlock': ({ passphrase }) => (passphrase === undefined ? vault.open() : vault.unlockWithPassphrase(passphrase)),
    'vault.lock': async () => {
      await vault.lock();
      return vault.status();
    },
    'vault.reset': async () => {
      const { backupPath } = await vault.reset();
      return { backupPath, status: await vault.status() };
    },
    'vault.list': async () => {
      await vault.refresh();
      return context.items();
    },
    'vault.import': (request) => importIntoVault(context, request),
    'vault.addAccessKey': async ({ label, accessKeyId, secretAccessKey }) => {
      const meta = await vault.add('aws-access-key', { accessKeyId, secretAccessKey }, { label: label || itemNamesIn(context.itemLanguage()).pastedAccessKey(accessKeyId.slice(-4)) });
      return { item: await context.view(meta) };
    },
    'vault.rename': async ({ id, label }) => ({ item: await context.view(await vault.rename(id, label)) }),
    'vault.setServerHost': async ({ id, serverHost }) => {
      const current = vault.get(id);
      if (current.kind !== 'ssh-key') {
        throw vaultError('wrongItemKind', `Item ${id} is a ${current.kind}, not an SSH key.`, { expected: 'ssh-key', actual: current.kind });
      }
      return { item: await context.view(await vault.updateMeta(id, { serverHost: serverHost || undefined })) };
    },
    'vault.remove': async ({ id }) => {
      await vault.remove(id);
      return { removed: true as const };
    },
    'vault.export': (request) => exportItem(context, request),
    'vault.exportRaw': (request) => exportRaw(context, request),
    'vault.copySecret': async ({ id }) => {
      const meta = vault.get(id);
      if (meta.kind === 'app-settings') throw vaultError('settingsStayInVault', 'App settings cannot be exported or copied.');
      if (meta.kind !== 'console-login') {
        throw vaultError('wrongItemKind', `Only console logins have a password to copy.`, { expected: 'console-login', actual: meta.kind });
      }
      const { password } = await vault.getSecretOf(id, 'console-login');
      await context.clipboard.writeSecret(password);
      return { clearsAfterSeconds: Math.round(context.clipboard.clearAfterMs / 1000) };
    },
  };
}
