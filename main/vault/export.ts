/**
 * Getting secrets out of the vault, main process only: SSH keys as unencrypted
 * OpenSSH/PEM (usable by `ssh -i`) or PPK files, console logins and access keys
 * as the CSV layouts AWS itself hands out. Files are created with mode 0600.
 */
import type { ItemMetaOf } from './items';
import { convertPrivateKey, defaultFormatFor, type SshKeyFormat } from './ssh/convert';
import { writeSecretFile, type SecretFileOptions } from './secret-file';
import { vaultError } from './errors';
import type { SecretReader } from './secret-store';

export type { SshKeyFormat } from './ssh/convert';

function sshKeyMeta(secrets: SecretReader, id: string): ItemMetaOf<'ssh-key'> {
  const meta = secrets.find(id);
  if (!meta) throw vaultError('itemNotFound', 'That vault item does not exist.', { id });
  if (meta.kind !== 'ssh-key') throw vaultError('wrongItemKind', `Item ${id} is a ${meta.kind}, not an SSH key.`, { expected: 'ssh-key', actual: meta.kind });
  return meta;
}

export interface SshKeyExportOptions extends SecretFileOptions {
  /** Default: pem for RSA (the AWS .pem form), openssh for Ed25519 and ECDSA. */
  format?: SshKeyFormat;
}

/** Unencrypted key text for a connection library (ssh2) or `ssh -i`: OpenSSH or PEM, never PPK. */
export async function sshPrivateKeyText(secrets: SecretReader, id: string, format?: Exclude<SshKeyFormat, 'ppk' | 'ppk-v2'>): Promise<string> {
  const { privateKey } = await secrets.secretOf(id, 'ssh-key');
  const meta = sshKeyMeta(secrets, id);
  const keyType = meta.keyType;
  return convertPrivateKey(privateKey, format ?? defaultFormatFor(keyType), meta.label);
}

export async function exportSshKey(secrets: SecretReader, id: string, targetPath: string, options: SshKeyExportOptions = {}): Promise<void> {
  const { privateKey } = await secrets.secretOf(id, 'ssh-key');
  const meta = sshKeyMeta(secrets, id);
  const keyType = meta.keyType;
  const text = convertPrivateKey(privateKey, options.format ?? defaultFormatFor(keyType), meta.label);
  await writeSecretFile(targetPath, text, options);
}

function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const csv = (rows: string[][]): string => rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';

/** `User name,Password,Console sign-in URL`, as the IAM console downloads it. */
export async function exportConsoleLoginCsv(secrets: SecretReader, id: string, targetPath: string, options: SecretFileOptions = {}): Promise<void> {
  const { userName, password, signInUrl } = await secrets.secretOf(id, 'console-login');
  await writeSecretFile(targetPath, csv([['User name', 'Password', 'Console sign-in URL'], [userName, password, signInUrl]]), options);
}

/** `Access key ID,Secret access key`, as the IAM console downloads it. */
export async function exportAccessKeyCsv(secrets: SecretReader, id: string, targetPath: string, options: SecretFileOptions = {}): Promise<void> {
  const { accessKeyId, secretAccessKey } = await secrets.secretOf(id, 'aws-access-key');
  await writeSecretFile(targetPath, csv([['Access key ID', 'Secret access key'], [accessKeyId, secretAccessKey]]), options);
}
