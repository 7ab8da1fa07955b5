/**
 * What an unlocked vault keeps in memory: the key, the file as last read or
 * written (and its stamp, to notice another process's write), the decrypted
 * metadata of every healthy item, and the items that cannot be read.
 */
import type { FileStamp } from './vault-disk';
import type { ItemRecord, VaultFile } from './file-format';
import { inspectRecord, type DamageReason } from './item-codec';
import type { ItemKind, ItemMeta } from './items';

/** An item that cannot be used; shown so the user can export it raw or delete it. */
export interface DamagedItem {
  id: string;
  /** The kind the record claims, when it names a known one. */
  kind?: ItemKind;
  reason: DamageReason;
}

export interface Unlocked {
  key: Buffer;
  file: VaultFile;
  stamp: FileStamp | null;
  metas: Map<string, ItemMeta>;
  damaged: Map<string, DamagedItem>;
}

const sameRecord = (a: ItemRecord, b: ItemRecord): boolean =>
  a.kind === b.kind && a.meta.data === b.meta.data && a.meta.nonce === b.meta.nonce && a.secret.data === b.secret.data && a.secret.nonce === b.secret.nonce;

/**
 * Builds the in-memory view of `file`. With `previous` (a re-read after another
 * process wrote), records whose ciphertext did not change are not decrypted again.
 */
export function openState(key: Buffer, file: VaultFile, stamp: FileStamp | null, previous?: Unlocked): Unlocked {
  const metas = new Map<string, ItemMeta>();
  const damaged = new Map<string, DamagedItem>();
  const before = new Map(previous?.file.items.map((record) => [record.id, record] as const));
  for (const record of file.items) {
    const old = before.get(record.id);
    const known = old && sameRecord(old, record) ? (previous?.metas.get(record.id) ?? previous?.damaged.get(record.id)) : undefined;
    if (known && 'reason' in known) {
      damaged.set(record.id, known);
      continue;
    }
    if (known) {
      metas.set(record.id, known);
      continue;
    }
    const inspected = inspectRecord(key, record);
    if ('meta' in inspected) metas.set(record.id, inspected.meta);
    else damaged.set(record.id, { id: record.id, kind: record.kind, reason: inspected.damage });
  }
  for (const record of file.malformed) {
    damaged.set(record.id, { id: record.id, ...(record.kind ? { kind: record.kind } : {}), reason: 'malformed' });
  }
  return { key, file, stamp, metas, damaged };
}

/** The record of a damaged item exactly as it is in the file, as JSON text. */
export function rawRecordText(state: Unlocked, id: string): string | undefined {
  if (!state.damaged.has(id)) return undefined;
  const raw = state.file.items.find((record) => record.id === id) ?? state.file.malformed.find((record) => record.id === id)?.raw;
  return raw === undefined ? undefined : `${JSON.stringify(raw, null, 1)}\n`;
}

/** The file without item `id` (healthy, damaged or malformed). */
export function withoutItem(file: VaultFile, id: string): VaultFile {
  return { ...file, items: file.items.filter((record) => record.id !== id), malformed: file.malformed.filter((record) => record.id !== id) };
}
