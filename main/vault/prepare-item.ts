/** Validates a new item and fills in what the vault derives itself (timestamps, SSH key facts). */
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
  }
}

/** Editable metadata fields of every kind; fields a kind does not have are rejected (vault.invalidItem). */
export type MetaPatch = Partial<UnionToFields<MetaInputByKind[ItemKind]>>;
type UnionToFields<U> = { [F in U extends unknown ? keyof U : never]: string };

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
  }
}
