/**
 * The app's settings in the vault: one `app-settings` item per setup holding
 * every value; its metadata names the settings and which are secret (names
 * are not secret, values are). Values leave main only into the 0600 file on
 * the server (deploy-operation.ts, app-operations.ts).
 */
import type { SecretStore } from '../vault/secret-store';
import type { AppSettingsVault } from './app-deps';

export function appSettingsVault(secrets: Pick<SecretStore, 'add' | 'find' | 'secretOf' | 'replaceSecret'>, setupId: () => Promise<string>, label: () => Promise<string>): AppSettingsVault {
  return {
    async read(itemId) {
      const meta = itemId ? secrets.find(itemId) : undefined;
      if (!itemId || meta?.kind !== 'app-settings') return { values: new Map(), secretNames: new Set() };
      const secret = await secrets.secretOf(itemId, 'app-settings');
      return { values: new Map(Object.entries(secret.values)), secretNames: new Set(meta.secretNames) };
    },
    async write(itemId, values, secretNames) {
      const names = [...values.keys()].sort();
      const secret = { values: Object.fromEntries([...values.entries()].sort(([a], [b]) => a.localeCompare(b))) };
      const marked = names.filter((name) => secretNames.has(name));
      if (itemId && secrets.find(itemId)?.kind === 'app-settings') {
        await secrets.replaceSecret(itemId, 'app-settings', secret, { names, secretNames: marked });
        return itemId;
      }
      const made = await secrets.add('app-settings', secret, { label: await label(), setupId: await setupId(), names, secretNames: marked });
      return made.id;
    },
  };
}
