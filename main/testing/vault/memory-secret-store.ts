/**
 * A SecretStore kept in memory for capability tests: it validates like the
 * vault (the same zod schemas) and remembers what was added and removed.
 */
import { randomUUID } from 'node:crypto';

import { isMetaOfKind } from '../../vault/item-args';
import { metaInputSchemas, secretSchemas, type ItemKind, type ItemMeta, type ItemMetaOf, type SecretByKind } from '../../vault/items';
import { assertNamesMatchValues, type MetaPatch } from '../../vault/prepare-item';
import type { SecretStore } from '../../vault/secret-store';

interface Stored {
  meta: ItemMeta;
  secret: unknown;
}

export class MemorySecretStore implements SecretStore {
  readonly items = new Map<string, Stored>();

  secretOf<K extends ItemKind>(id: string, kind: K): Promise<SecretByKind[K]> {
    const item = this.items.get(id);
    if (!item || item.meta.kind !== kind) return Promise.reject(new Error(`no ${kind} item ${id}`));
    return Promise.resolve(secretSchemas[kind].parse(item.secret) as SecretByKind[K]);
  }

  add: SecretStore['add'] = (kind, secret, meta) => {
    const now = new Date().toISOString();
    const parsedMeta = metaInputSchemas[kind].parse(meta);
    secretSchemas[kind].parse(secret);
    const stored = { id: randomUUID(), kind, ...parsedMeta, createdAt: now, updatedAt: now } as ItemMeta;
    this.items.set(stored.id, { meta: stored, secret });
    return Promise.resolve(stored);
  };

  remove(id: string): Promise<void> {
    this.items.delete(id);
    return Promise.resolve();
  }

  find(id: string): ItemMeta | undefined {
    return this.items.get(id)?.meta;
  }

  updateMeta(id: string, patch: MetaPatch): Promise<ItemMeta> {
    const item = this.items.get(id);
    if (!item) return Promise.reject(new Error(`no item ${id}`));
    item.meta = { ...item.meta, ...patch, updatedAt: new Date().toISOString() } as ItemMeta;
    return Promise.resolve(item.meta);
  }

  /** Like the vault: the kind must match, the secret is validated, an app's names must match its values. */
  replaceSecret<K extends ItemKind>(id: string, kind: K, secret: SecretByKind[K], metaPatch: MetaPatch = {}): Promise<ItemMetaOf<K>> {
    const item = this.items.get(id);
    if (!item || !isMetaOfKind(item.meta, kind)) return Promise.reject(new Error(`no ${kind} item ${id}`));
    secretSchemas[kind].parse(secret);
    const meta = { ...item.meta, ...metaPatch, updatedAt: new Date().toISOString() } as ItemMetaOf<K>;
    const settings: ItemMeta = meta;
    if (settings.kind === 'app-settings' && 'values' in secret) assertNamesMatchValues(settings.names, secret.values);
    this.items.set(id, { meta, secret });
    return Promise.resolve(meta);
  }

  /** Adds an item directly (test setup). */
  seed<K extends ItemKind>(kind: K, secret: SecretByKind[K], label: string): Promise<ItemMeta> {
    return this.add(kind, secret, { label } as never);
  }
}
