/**
 * The narrow view of the vault that capabilities get (AWS steps, SSH, server
 * steps): read the secret of an item of a given kind, add an item, delete one,
 * look up metadata. Nothing else: no unlock, no reset, no export, no listing of
 * secrets. The vault announces its own changes, so callers never send
 * `vault.changed` themselves.
 */
import type { ItemKind, ItemMeta, MetaInputByKind, SecretByKind } from './items';

export interface SecretStore {
  /** The secret of item `id`, refused (vault.itemKindMismatch / vault.itemNotFound) unless it is of `kind`. */
  secretOf<K extends ItemKind>(id: string, kind: K): Promise<SecretByKind[K]>;
  /** Adds an item; the vault validates it and announces the change. */
  add<K extends ItemKind>(kind: K, secret: SecretByKind[K], meta: MetaInputByKind[K]): Promise<ItemMeta>;
  /** Deletes an item (no-op if it is already gone); the vault announces the change. */
  remove(id: string): Promise<void>;
  /** Metadata only (labels, fingerprints, account ids): never a secret. Undefined if there is no such item. */
  find(id: string): ItemMeta | undefined;
}
