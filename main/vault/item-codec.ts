/** Sealing and opening individual items and the key-check value, with validation on both sides. */
import { AppError } from '../../common/errors';
import { DecryptionFailed, seal, unseal } from './crypto';
import { vaultError } from './errors';
import { CHECK_PLAINTEXT, checkAad, itemAad, type ItemRecord, type VaultFile } from './file-format';
import {
  parseOrThrow,
  secretSchemas,
  storedMetaSchemas,
  type ItemKind,
  type ItemMeta,
  type ItemSecret,
  type SecretByKind,
  type StoredMetaByKind,
} from './items';

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');

export function makeCheck(key: Buffer): VaultFile['check'] {
  return seal(key, Buffer.from(CHECK_PLAINTEXT), checkAad());
}

/** True if `key` opens this vault. Only the check value is touched. */
export function keyOpensVault(key: Buffer, file: VaultFile): boolean {
  try {
    return unseal(key, file.check, checkAad()).toString() === CHECK_PLAINTEXT;
  } catch (error) {
    if (error instanceof DecryptionFailed) return false;
    throw error;
  }
}

export function sealItem<K extends ItemKind>(
  key: Buffer,
  id: string,
  kind: K,
  meta: StoredMetaByKind[K],
  secret: SecretByKind[K],
): ItemRecord {
  return {
    id,
    kind,
    meta: seal(key, json(meta), itemAad(id, kind, 'meta')),
    secret: seal(key, json(secret), itemAad(id, kind, 'secret')),
  };
}

/** Re-seals only the metadata (fresh nonce); the secret ciphertext is kept as it is. */
export function resealMeta<K extends ItemKind>(key: Buffer, record: ItemRecord, kind: K, meta: StoredMetaByKind[K]): ItemRecord {
  return { ...record, meta: seal(key, json(meta), itemAad(record.id, kind, 'meta')) };
}

function openPart(key: Buffer, record: ItemRecord, part: 'meta' | 'secret'): unknown {
  try {
    return JSON.parse(unseal(key, record[part], itemAad(record.id, record.kind, part)).toString('utf8'));
  } catch {
    throw vaultError('itemCorrupt', `Item ${record.id} in the vault file cannot be decrypted (damaged or altered).`, {
      id: record.id,
    });
  }
}

export function openMeta(key: Buffer, record: ItemRecord): ItemMeta {
  const raw = openPart(key, record, 'meta');
  const base = { id: record.id };
  switch (record.kind) {
    case 'aws-access-key':
      return { ...base, kind: record.kind, ...parseOrThrow(storedMetaSchemas[record.kind], raw, 'meta') };
    case 'console-login':
      return { ...base, kind: record.kind, ...parseOrThrow(storedMetaSchemas[record.kind], raw, 'meta') };
    case 'ssh-key':
      return { ...base, kind: record.kind, ...parseOrThrow(storedMetaSchemas[record.kind], raw, 'meta') };
    case 'app-settings':
      return { ...base, kind: record.kind, ...parseOrThrow(storedMetaSchemas[record.kind], raw, 'meta') };
  }
}

export function openSecret(key: Buffer, record: ItemRecord): ItemSecret {
  const raw = openPart(key, record, 'secret');
  switch (record.kind) {
    case 'aws-access-key':
      return { kind: record.kind, secret: parseOrThrow(secretSchemas[record.kind], raw, 'secret') };
    case 'console-login':
      return { kind: record.kind, secret: parseOrThrow(secretSchemas[record.kind], raw, 'secret') };
    case 'ssh-key':
      return { kind: record.kind, secret: parseOrThrow(secretSchemas[record.kind], raw, 'secret') };
    case 'app-settings':
      return { kind: record.kind, secret: parseOrThrow(secretSchemas[record.kind], raw, 'secret') };
  }
}

/** Metadata minus id/kind, as it is sealed in the file. */
export function storedPartOf(meta: ItemMeta): StoredMetaByKind[ItemKind] {
  const { id: _id, kind: _kind, ...stored } = meta;
  return stored;
}

/** Why an item in the file cannot be used. */
export type DamageReason = 'malformed' | 'undecryptable' | 'invalid';

/**
 * Opens an item's metadata and checks that its secret authenticates and is
 * valid, without keeping the secret. A damaged item is reported, not thrown,
 * so one bad record never keeps the vault shut.
 */
export function inspectRecord(key: Buffer, record: ItemRecord): { meta: ItemMeta } | { damage: DamageReason } {
  try {
    const meta = openMeta(key, record);
    openSecret(key, record);
    return { meta };
  } catch (error) {
    if (error instanceof AppError && error.code === 'vault.itemCorrupt') return { damage: 'undecryptable' };
    if (error instanceof AppError && error.code === 'vault.invalidItem') return { damage: 'invalid' };
    throw error;
  }
}
