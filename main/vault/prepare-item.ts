/** Validates a new item and fills in what the vault derives itself (timestamps, SSH key facts). */
import { vaultError } from './errors';
import {
  metaInputSchemas,
  parseOrThrow,
  secretSchemas,
  type ItemDraft,
  type ItemKind,
  type ItemMeta,
  type MetaInputByKind,
  type SecretByKind,
  type StoredMetaByKind,
} from './items';
import { parsePrivateKey } from './ssh/private-key';

export type PreparedItem = { [K in ItemKind]: { kind: K; meta: StoredMetaByKind[K]; secret: SecretByKind[K] } }[ItemKind];

export function prepareItem(draft: ItemDraft, now: string): PreparedItem {
  const times = { createdAt: now, updatedAt: now };
  switch (draft.kind) {
    case 'aws-access-key': {
      const meta = parseOrThrow(metaInputSchemas[draft.kind], draft.meta, 'meta');
      return { kind: draft.kind, meta: { ...meta, ...times }, secret: parseOrThrow(secretSchemas[draft.kind], draft.secret, 'secret') };
    }
    case 'console-login': {
      const meta = parseOrThrow(metaInputSchemas[draft.kind], draft.meta, 'meta');
      return { kind: draft.kind, meta: { ...meta, ...times }, secret: parseOrThrow(secretSchemas[draft.kind], draft.secret, 'secret') };
    }
    case 'ssh-key': {
      const meta = parseOrThrow(metaInputSchemas[draft.kind], draft.meta, 'meta');
      const secret = parseOrThrow(secretSchemas[draft.kind], draft.secret, 'secret');
      const key = parsePrivateKey(secret.privateKey); // no passphrase here: importers hand over decrypted keys
      const facts = { keyType: key.keyType, bits: key.bits, publicKey: key.publicKey, fingerprint: key.fingerprint };
      return { kind: draft.kind, meta: { ...meta, ...facts, ...times }, secret: { privateKey: key.storedText } };
    }
    case 'app-settings': {
      const meta = parseOrThrow(metaInputSchemas[draft.kind], draft.meta, 'meta');
      const secret = parseOrThrow(secretSchemas[draft.kind], draft.secret, 'secret');
      assertNamesMatchValues(meta.names, secret.values);
      return { kind: draft.kind, meta: { ...meta, ...times }, secret };
    }
  }
}

/** An app-settings item's meta `names` are exactly the names its secret holds values for (sorted). */
export function assertNamesMatchValues(names: readonly string[], values: Record<string, string>): void {
  const held = Object.keys(values).sort();
  if (held.length !== names.length || held.some((name, i) => name !== names[i])) {
    throw vaultError('invalidItem', 'The names of the settings do not match the values kept.', { field: 'names' });
  }
}

/**
 * An existing item with a new secret and, optionally, a metadata patch: checked
 * like a new item (derived facts worked out again), its createdAt kept.
 */
export function replaceSecretOf(current: ItemMeta, secret: SecretByKind[ItemKind], patch: MetaPatch, now: string): PreparedItem {
  const prepared = prepareItem(draftOf(patchMeta(current, patch, now), secret), now);
  prepared.meta.createdAt = current.createdAt;
  return prepared;
}

/** The item's editable fields (not what the vault derives) with a secret, as add() takes them. */
function draftOf(meta: ItemMeta, secret: SecretByKind[ItemKind]): ItemDraft {
  // TypeScript cannot correlate kind and secret here; prepareItem validates kind, secret and meta with zod.
  if (meta.kind === 'ssh-key') {
    const { id: _i, kind, createdAt: _c, updatedAt: _u, keyType: _t, bits: _b, publicKey: _p, fingerprint: _f, ...input } = meta;
    return { kind, secret, meta: input } as ItemDraft;
  }
  const { id: _i, kind, createdAt: _c, updatedAt: _u, ...input } = meta;
  return { kind, secret, meta: input } as ItemDraft;
}

/** Editable metadata fields of every kind; fields a kind does not have are rejected (vault.invalidItem). */
export type MetaPatch = Partial<UnionToFields<MetaInputByKind[ItemKind]>>;
type UnionToFields<U> = { [F in U extends unknown ? keyof U : never]: U extends unknown ? (F extends keyof U ? U[F] : never) : never };

/** Applies a metadata patch to an existing item; derived facts and createdAt cannot be changed. */
export function patchMeta(current: ItemMeta, patch: MetaPatch, now: string): ItemMeta {
  switch (current.kind) {
    case 'aws-access-key': {
      const { id, kind, createdAt, updatedAt: _u, ...input } = current;
      const next = parseOrThrow(metaInputSchemas[kind], { ...input, ...patch }, 'meta');
      return { id, kind, ...next, createdAt, updatedAt: now };
    }
    case 'console-login': {
      const { id, kind, createdAt, updatedAt: _u, ...input } = current;
      const next = parseOrThrow(metaInputSchemas[kind], { ...input, ...patch }, 'meta');
      return { id, kind, ...next, createdAt, updatedAt: now };
    }
    case 'ssh-key': {
      const { id, kind, createdAt, updatedAt: _u, keyType, bits, publicKey, fingerprint, ...input } = current;
      const next = parseOrThrow(metaInputSchemas[kind], { ...input, ...patch }, 'meta');
      return { id, kind, ...next, keyType, bits, publicKey, fingerprint, createdAt, updatedAt: now };
    }
    case 'app-settings': {
      const { id, kind, createdAt, updatedAt: _u, ...input } = current;
      const next = parseOrThrow(metaInputSchemas[kind], { ...input, ...patch }, 'meta');
      return { id, kind, ...next, createdAt, updatedAt: now };
    }
  }
}
