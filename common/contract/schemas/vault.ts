/**
 * The vault's contract shapes. Requests may carry a secret towards main (a
 * pasted key, a passphrase, a dropped file's bytes); responses and events never
 * do: they name only ids, labels, fingerprints and account ids, and since the
 * router parses every response, any other field is stripped before it leaves.
 */
import { z } from 'zod';
import { MAX_ENV_VARS } from '../../app-env';

export const vaultItemKind = z.enum(['aws-access-key', 'console-login', 'ssh-key', 'app-settings']);
export type VaultItemKind = z.infer<typeof vaultItemKind>;

const itemId = z.string().min(1).max(64);
const times = { createdAt: z.string().max(40), updatedAt: z.string().max(40) };
const label = z.string().max(200);
const accountId = z.string().max(12).optional();
const settingName = z.string().max(128);

/** One vault entry as the renderer sees it: metadata only. */
export const vaultItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('aws-access-key'),
    id: itemId,
    label,
    accountId,
    arn: z.string().max(2048).optional(),
    /** `AKIA…MPLE`: enough to tell keys apart, as `aws configure list` does. */
    keyIdHint: z.string().max(16).optional(),
    ...times,
  }),
  z.object({ kind: z.literal('console-login'), id: itemId, label, accountId, ...times }),
  z.object({
    kind: z.literal('ssh-key'),
    id: itemId,
    label,
    keyType: z.enum(['rsa', 'ed25519', 'ecdsa']),
    bits: z.number().int(),
    fingerprint: z.string().max(64),
    awsKeyPairName: z.string().max(255).optional(),
    region: z.string().max(32).optional(),
    serverHost: z.string().max(253).optional(),
    /** Where the key was last exported (used by "Copy ssh command"). */
    exportPath: z.string().max(4096).optional(),
    /** The AWS key pair was deleted (ISO time): the key is kept, for no key pair. */
    awsKeyPairGone: z.string().max(40).optional(),
    ...times,
  }),
  /** The app's settings of one setup: their names, and which are secret (never shown back); never a value. */
  z.object({
    kind: z.literal('app-settings'),
    id: itemId,
    label,
    setupId: z.string().max(64),
    names: z.array(settingName).max(MAX_ENV_VARS),
    secretNames: z.array(settingName).max(MAX_ENV_VARS),
    ...times,
  }),
]);
export type VaultItem = z.infer<typeof vaultItem>;

/**
 * An item the vault cannot read (its record is malformed, its ciphertext or tag
 * does not authenticate, or what it decrypts to is not valid). It stays in the
 * file until the user deletes it, and can be exported raw (still encrypted).
 */
export const damagedItem = z.object({
  id: itemId,
  /** The kind the record claims, if it names a known one. */
  itemKind: vaultItemKind.optional(),
  reason: z.enum(['malformed', 'undecryptable', 'invalid']),
});
export type DamagedVaultItem = z.infer<typeof damagedItem>;

export const keychainFailureReason = z.enum(['noDbus', 'noSecretService', 'locked', 'moduleMissing', 'unknown']);

export const vaultStatus = z.object({
  mode: z.enum(['keychain', 'passphrase', 'uninitialized']),
  locked: z.boolean(),
  itemCount: z.number().int().optional(),
  /** 'vault.keychainUnavailable' when the OS keychain could not be reached. */
  keychainError: z.string().max(64).optional(),
  keychainReason: keychainFailureReason.optional(),
  /** Only when the data dir is open to other users and could not be made private: its mode, e.g. `0755`. */
  dataDirMode: z.string().regex(/^0[0-7]{3}$/).optional(),
});
export type VaultStatus = z.infer<typeof vaultStatus>;

export const vaultItems = z.object({ items: z.array(vaultItem), damaged: z.array(damagedItem) });
export const vaultChanged = z.object({ status: vaultStatus, items: z.array(vaultItem), damaged: z.array(damagedItem) });
export const vaultItemResponse = z.object({ item: vaultItem });

const passphrase = z.string().min(1).max(1024);
/** Dialog titles come from the renderer, which knows the UI language. */
const dialogTitle = z.string().min(1).max(200).optional();

export const initPassphraseRequest = z.object({ passphrase }).strict();
export const unlockRequest = z.object({ passphrase: passphrase.optional() }).strict();
export const itemRequest = z.object({ id: itemId }).strict();

export { MAX_IMPORT_BYTES } from '../constants';

/**
 * Where an imported file comes from. Main reads only a file the user chose:
 * its own open dialog, or a one-time token for a file the user dropped (Electron:
 * the preload registers the dropped file with main) or picked in the test
 * host's page. An arbitrary path from the renderer is not a source.
 */
export const importSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dialog'), title: dialogTitle }).strict(),
  z.object({ kind: z.literal('file'), token: z.string().min(1).max(64) }).strict(),
  /** The same file again, now with a passphrase (after `needsPassphrase`). */
  z.object({ kind: z.literal('retry'), retryId: z.string().min(1).max(64) }).strict(),
]);
export const importRequest = z.object({ source: importSource, passphrase: passphrase.optional() }).strict();
export const importResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), fileName: z.string().max(255), items: z.array(vaultItem) }),
  z.object({ status: z.literal('needsPassphrase'), fileName: z.string().max(255), retryId: z.string().max(64), wrongPassphrase: z.boolean() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type ImportResponse = z.infer<typeof importResponse>;

export const addAccessKeyRequest = z
  .object({
    label: z.string().trim().max(200).optional(),
    accessKeyId: z.string().trim().min(1).max(128),
    secretAccessKey: z.string().trim().min(1).max(128),
  })
  .strict();

export const renameRequest = z.object({ id: itemId, label: z.string().trim().min(1).max(200) }).strict();
/** An empty serverHost removes it. */
export const setServerHostRequest = z
  .object({ id: itemId, serverHost: z.string().trim().max(253).regex(/^[A-Za-z0-9.:-]*$/) })
  .strict();

export const exportFormat = z.enum(['openssh', 'pem', 'ppk', 'csv']);
export type ExportFormat = z.infer<typeof exportFormat>;
export const exportRequest = z.object({ id: itemId, format: exportFormat.optional(), title: dialogTitle }).strict();
/** "Export raw" of a damaged item: its encrypted record as it is in the file. */
export const exportRawRequest = z.object({ id: itemId, title: dialogTitle }).strict();
export const exportResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string().max(4096), fileName: z.string().max(255) }),
  z.object({ status: z.literal('cancelled') }),
]);

export const copySecretResponse = z.object({ clearsAfterSeconds: z.number().int() });
export const removeResponse = z.object({ removed: z.literal(true) });
export const resetResponse = z.object({ status: vaultStatus, backupPath: z.string().max(4096).nullable() });
