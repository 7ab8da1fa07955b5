/**
 * The narrow view of the vault that capabilities get (AWS steps, SSH, server
 * steps): read the secret of an item of a given kind, add an item, delete one,
 * look up metadata, record non-secret facts on an item (an account id, an
 * export path), and replace an item's secret (an app's settings). Nothing else: no unlock, no reset, no export, no listing of
 * secrets. The vault announces its own changes, so callers never send
 * `vault.changed` themselves.
 */
import { isAppError } from '../../common/errors';
import type { ItemDraft, ItemKind, ItemMeta, ItemMetaOf, MetaInputByKind, SecretByKind } from './items';
import type { MetaPatch } from './prepare-item';
import type { VaultService } from './vault-service';

export interface SecretStore {
  /** The secret of item `id`, refused (vault.wrongItemKind / vault.itemNotFound / vault.locked) unless it is of `kind`. */
  secretOf<K extends ItemKind>(id: string, kind: K): Promise<SecretByKind[K]>;
  /** Adds an item; the vault validates it (vault.invalidItem, vault.duplicateItem) and announces the change. */
  add<K extends ItemKind>(kind: K, secret: SecretByKind[K], meta: MetaInputByKind[K]): Promise<ItemMeta>;
  /** Deletes an item (no-op if it is already gone); the vault announces the change. */
  remove(id: string): Promise<void>;
  /** Metadata only (labels, fingerprints, account ids): never a secret. Undefined if there is no such item. */
  find(id: string): ItemMeta | undefined;
  /** Changes editable, non-secret metadata (label, accountId, arn, serverHost, exportPath …); announced. */
  updateMeta(id: string, patch: MetaPatch): Promise<ItemMeta>;
  /**
   * Replaces the secret of item `id` (e.g. an app's settings whose values changed), with an optional metadata
   * patch in the same write; refused unless the item is of `kind`; validated like add(); announced.
   */
  replaceSecret<K extends ItemKind>(id: string, kind: K, secret: SecretByKind[K], metaPatch?: MetaPatch): Promise<ItemMetaOf<K>>;
}

/** Only secretOf and find: what reading a key for a connection or an export needs. */
export type SecretReader = Pick<SecretStore, 'secretOf' | 'find'>;

/** The SecretStore over the app's one VaultService. */
export function secretStoreOf(vault: VaultService): SecretStore {
  return {
    secretOf: (id, kind) => vault.getSecretOf(id, kind),
    add: async <K extends ItemKind>(kind: K, secret: SecretByKind[K], meta: MetaInputByKind[K]) => {
      // TypeScript cannot correlate K across the three fields; addMany validates kind, secret and meta with zod.
      const draft = { kind, secret, meta } as ItemDraft;
      const [added] = await vault.addMany([draft]);
      if (!added) throw new Error('the vault added nothing');
      return added;
    },
    remove: async (id) => {
      try {
        await vault.remove(id);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'vault.itemNotFound') throw error;
      }
    },
    find: (id) => vault.find(id),
    updateMeta: (id, patch) => vault.updateMeta(id, patch),
    replaceSecret: (id, kind, secret, metaPatch) => vault.replaceSecret(id, kind, secret, metaPatch),
  };
}
