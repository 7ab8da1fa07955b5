/**
 * The on-disk vault (`vault.json`), version 1:
 *   { format: "onramp-vault", version: 1, mode: "keychain" | "passphrase",
 *     kdf?: { name: "scrypt", salt, N, r, p },   // passphrase mode only
 *     check: Sealed,                             // a constant, proves the key before anything is touched
 *     items: [{ id, kind, meta: Sealed, secret: Sealed }] }
 * Every Sealed value is AES-256-GCM with its own random nonce; its AAD binds it to
 * the item id, kind and part, so values cannot be swapped between items.
 * Nothing in the file is plaintext except ids, kinds and the KDF parameters.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { vaultError } from './errors';
import { ITEM_KINDS, type ItemKind } from './items';

export const FORMAT = 'onramp-vault';
export const VERSION = 1;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const sealedSchema = z.object({ nonce: base64, data: base64 }).strict();
const itemRecordSchema = z
  .object({ id: z.uuid(), kind: z.enum(ITEM_KINDS), meta: sealedSchema, secret: sealedSchema })
  .strict();
const kdfSchema = z
  .object({ name: z.literal('scrypt'), salt: base64, N: z.number().int(), r: z.number().int(), p: z.number().int() })
  .strict();
// Items are checked one by one (below), so one damaged record never makes the whole file unreadable.
const common = { format: z.literal(FORMAT), version: z.literal(VERSION), check: sealedSchema, items: z.array(z.unknown()) };

const vaultFileSchema = z.discriminatedUnion('mode', [
  z.object({ ...common, mode: z.literal('keychain') }).strict(),
  z.object({ ...common, mode: z.literal('passphrase'), kdf: kdfSchema }).strict(),
]);

type ParsedFile = z.infer<typeof vaultFileSchema>;
type Header = ParsedFile extends infer F ? (F extends unknown ? Omit<F, 'items'> : never) : never;

export type ItemRecord = z.infer<typeof itemRecordSchema>;

/** An entry of `items` that is not a well-formed record: kept byte for byte until the user deletes it. */
export interface MalformedRecord {
  /** Its own id if it has a usable one, else `damaged-<hash of the record>`. */
  id: string;
  kind?: ItemKind;
  raw: unknown;
}

export type VaultFile = Header & { items: ItemRecord[]; malformed: MalformedRecord[] };
export type VaultMode = VaultFile['mode'];

export const CHECK_PLAINTEXT = 'onramp-vault-key-check';
export const checkAad = (): string => `${FORMAT}:${VERSION}:check`;
export const itemAad = (id: string, kind: ItemKind, part: 'meta' | 'secret'): string =>
  `${FORMAT}:${VERSION}:item:${id}:${kind}:${part}`;

export function parseVaultFile(text: string, fileName: string): VaultFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw vaultError('corrupt', `The vault file ${fileName} is not valid JSON.`, { fileName });
  }
  const header = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (header.success && header.data.format === FORMAT && header.data.version > VERSION) {
    throw vaultError('unsupportedVersion', `The vault was written by a newer Onramp (format ${header.data.version}).`, {
      version: header.data.version,
    });
  }
  const parsed = vaultFileSchema.safeParse(json);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? '';
    throw vaultError('corrupt', `The vault file ${fileName} is damaged (${field || 'structure'}).`, { fileName });
  }
  const { items, ...fileHeader } = parsed.data;
  return { ...fileHeader, ...splitRecords(items) };
}

const uuidLike = z.uuid();

function splitRecords(entries: unknown[]): Pick<VaultFile, 'items' | 'malformed'> {
  const items: ItemRecord[] = [];
  const malformed: MalformedRecord[] = [];
  const seen = new Set<string>();
  for (const raw of entries) {
    const record = itemRecordSchema.safeParse(raw);
    if (record.success && !seen.has(record.data.id)) {
      items.push(record.data);
      seen.add(record.data.id);
      continue;
    }
    const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const ownId = uuidLike.safeParse(fields['id']);
    const kind = z.enum(ITEM_KINDS).safeParse(fields['kind']);
    let id = ownId.success && !seen.has(ownId.data) ? ownId.data : `damaged-${createHash('sha256').update(JSON.stringify(raw)).digest('hex').slice(0, 16)}`;
    for (let n = 2; seen.has(id); n++) id = `${id.replace(/~\d+$/, '')}~${n}`;
    seen.add(id);
    malformed.push({ id, raw, ...(kind.success ? { kind: kind.data } : {}) });
  }
  return { items, malformed };
}

export function serializeVaultFile(file: VaultFile): string {
  const { items, malformed, ...fileHeader } = file;
  return `${JSON.stringify({ ...fileHeader, items: [...items, ...malformed.map((record) => record.raw)] }, null, 1)}\n`;
}
