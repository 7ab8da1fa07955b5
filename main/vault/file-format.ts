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
const common = { format: z.literal(FORMAT), version: z.literal(VERSION), check: sealedSchema, items: z.array(itemRecordSchema) };

const vaultFileSchema = z.discriminatedUnion('mode', [
  z.object({ ...common, mode: z.literal('keychain') }).strict(),
  z.object({ ...common, mode: z.literal('passphrase'), kdf: kdfSchema }).strict(),
]);

export type VaultFile = z.infer<typeof vaultFileSchema>;
export type ItemRecord = z.infer<typeof itemRecordSchema>;
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
  return parsed.data;
}

export function serializeVaultFile(file: VaultFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}
