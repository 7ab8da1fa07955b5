/**
 * Item kinds, their secret parts (never leave the main process except through
 * getSecret/export) and their metadata (safe for the UI), all zod-validated.
 */
import { z } from 'zod';
import { ENV_NAME, MAX_ENV_VALUE, MAX_ENV_VARS } from '../../common/app-env';
import { vaultError } from './errors';

export const ITEM_KINDS = ['aws-access-key', 'console-login', 'ssh-key', 'app-settings'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const SSH_KEY_TYPES = ['rsa', 'ed25519', 'ecdsa'] as const;

const label = z.string().trim().min(1).max(200);
const accountId = z.string().regex(/^\d{12}$/);
const timestamps = { createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() };
const envName = z.string().regex(ENV_NAME);
/** Setting names, sorted and each once (names are not secret; they go to the renderer). */
const envNames = z
  .array(envName)
  .max(MAX_ENV_VARS)
  .refine((names) => names.every((name, i) => i === 0 || (names[i - 1] ?? '') < name), 'sorted, each name once');

/** The app's settings of one setup: which names exist and which of them the page must never show back. */
const appSettingsMetaShape = {
  label,
  setupId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  names: envNames,
  secretNames: envNames,
};
type AppSettingsNames = { names: string[]; secretNames: string[] };
const secretNamesAmongNames = (meta: AppSettingsNames, ctx: z.RefinementCtx): void => {
  const names = new Set(meta.names);
  if (meta.secretNames.some((name) => !names.has(name))) {
    ctx.addIssue({ code: 'custom', path: ['secretNames'], message: 'every secret name is one of the names' });
  }
};

export const secretSchemas = {
  'aws-access-key': z
    .object({
      accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/),
      secretAccessKey: z.string().regex(/^[A-Za-z0-9/+=]{16,128}$/),
    })
    .strict(),
  'console-login': z
    .object({
      userName: z.string().min(1).max(128),
      password: z.string().min(1).max(1024),
      signInUrl: z.url({ protocol: /^https$/ }).max(2048),
    })
    .strict(),
  'ssh-key': z.object({ privateKey: z.string().min(1).max(65_536) }).strict(),
  /** The values of the app's settings by name; its names are the item's meta `names` (checked by the vault). */
  'app-settings': z
    .object({
      values: z
        .record(envName, z.string().max(MAX_ENV_VALUE))
        .refine((values) => Object.keys(values).length <= MAX_ENV_VARS, `at most ${MAX_ENV_VARS} settings`),
    })
    .strict(),
} as const;

/** What callers may set (add, rename, updateMeta). */
export const metaInputSchemas = {
  'aws-access-key': z
    .object({ label, accountId: accountId.optional(), arn: z.string().startsWith('arn:').max(2048).optional() })
    .strict(),
  'console-login': z.object({ label, accountId: accountId.optional() }).strict(),
  'ssh-key': z
    .object({
      label,
      awsKeyPairName: z.string().min(1).max(255).optional(),
      region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/).optional(),
      serverHost: z.string().min(1).max(253).optional(),
      /** Where the user last exported this key (for `ssh -i <path>`); a path, not a secret. */
      exportPath: z.string().min(1).max(4096).optional(),
      /** When Onramp found the AWS key pair of awsKeyPairName deleted (ISO time): the key is kept but stands for no key pair. */
      awsKeyPairGone: z.iso.datetime().optional(),
    })
    .strict(),
  'app-settings': z.object(appSettingsMetaShape).strict().superRefine(secretNamesAmongNames),
} as const;

/** Facts the vault derives from an SSH private key itself; callers cannot set them. */
export const sshKeyFactsSchema = z
  .object({
    keyType: z.enum(SSH_KEY_TYPES),
    bits: z.number().int().positive(),
    publicKey: z.string().regex(/^[a-z0-9@.-]+ [A-Za-z0-9+/=]+$/),
    fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/),
  })
  .strict();

export const storedMetaSchemas = {
  'aws-access-key': metaInputSchemas['aws-access-key'].extend(timestamps),
  'console-login': metaInputSchemas['console-login'].extend(timestamps),
  'ssh-key': metaInputSchemas['ssh-key'].extend(sshKeyFactsSchema.shape).extend(timestamps),
  'app-settings': z
    .object({ ...appSettingsMetaShape, ...timestamps })
    .strict()
    .superRefine(secretNamesAmongNames),
} as const;

export type SecretByKind = { [K in ItemKind]: z.infer<(typeof secretSchemas)[K]> };
export type MetaInputByKind = { [K in ItemKind]: z.input<(typeof metaInputSchemas)[K]> };
export type StoredMetaByKind = { [K in ItemKind]: z.infer<(typeof storedMetaSchemas)[K]> };

export type AwsAccessKeySecret = SecretByKind['aws-access-key'];
export type ConsoleLoginSecret = SecretByKind['console-login'];
export type SshKeySecret = SecretByKind['ssh-key'];
export type AppSettingsSecret = SecretByKind['app-settings'];

/** Metadata only: this is what list() returns and what may go to the renderer. */
export type ItemMeta = { [K in ItemKind]: { id: string; kind: K } & StoredMetaByKind[K] }[ItemKind];
export type ItemMetaOf<K extends ItemKind> = Extract<ItemMeta, { kind: K }>;

/** A secret together with its kind, as getSecret() returns it (main process only). */
export type ItemSecret = { [K in ItemKind]: { kind: K; secret: SecretByKind[K] } }[ItemKind];

/** What an importer produces and addMany() consumes. */
export type ItemDraft = { [K in ItemKind]: { kind: K; secret: SecretByKind[K]; meta: MetaInputByKind[K] } }[ItemKind];

export function isItemKind(value: string): value is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(value);
}

/** zod's result to a vault error naming only the offending field, never its value. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, part: 'secret' | 'meta'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const field = result.error.issues[0]?.path.join('.') || part;
  throw vaultError('invalidItem', `The item's ${part} field "${field}" is missing or not valid.`, { field });
}
