/**
 * Getting secrets out of the vault, main process only: SSH keys as unencrypted
 * OpenSSH/PEM (usable by `ssh -i`) or PPK files, console logins and access keys
 * as the CSV layouts AWS itself hands out. Files are created with mode 0600.
 */
import { convertPrivateKey, defaultFormatFor, type SshKeyFormat } from './ssh/convert';
import { writeSecretFile, type SecretFileOptions } from './secret-file';
import type { VaultService } from './vault-service';

export type { SshKeyFormat } from './ssh/convert';

export interface SshKeyExportOptions extends SecretFileOptions {
  /** Default: pem for RSA (the AWS .pem form), openssh for Ed25519 and ECDSA. */
  format?: SshKeyFormat;
}

/** Unencrypted key text for a connection library (ssh2) or `ssh -i`: OpenSSH or PEM, never PPK. */
export async function sshPrivateKeyText(vault: VaultService, id: string, format?: Exclude<SshKeyFormat, 'ppk' | 'ppk-v2'>): Promise<string> {
  const meta = vault.get(id);
  const { privateKey } = await vault.getSecretOf(id, 'ssh-key');
  const keyType = meta.kind === 'ssh-key' ? meta.keyType : 'rsa';
  return convertPrivateKey(privateKey, format ?? defaultFormatFor(keyType), meta.label);
}

export async function exportSshKey(vault: VaultService, id: string, targetPath: string, options: SshKeyExportOptions = {}): Promise<void> {
  const meta = vault.get(id);
  const { privateKey } = await vault.getSecretOf(id, 'ssh-key');
  const keyType = meta.kind === 'ssh-key' ? meta.keyType : 'rsa';
  const text = convertPrivateKey(privateKey, options.format ?? defaultFormatFor(keyType), meta.label);
  await writeSecretFile(targetPath, text, options);
}

function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const csv = (rows: string[][]): string => rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';

/** `User name,Password,Console sign-in URL`, as the IAM console downloads it. */
export async function exportConsoleLoginCsv(vault: VaultService, id: string, targetPath: string, options: SecretFileOptions = {}): Promise<void> {
  const { userName, password, signInUrl } = await vault.getSecretOf(id, 'console-login');
  await writeSecretFile(targetPath, csv([['User name', 'Password', 'Console sign-in URL'], [userName, password, signInUrl]]), options);
}

/** `Access key ID,Secret access key`, as the IAM console downloads it. */
export async function exportAccessKeyCsv(vault: VaultService, id: string, targetPath: string, options: SecretFileOptions = {}): Promise<void> {
  const { accessKeyId, secretAccessKey } = await vault.getSecretOf(id, 'aws-access-key');
  await writeSecretFile(targetPath, csv([['Access key ID', 'Secret access key'], [accessKeyId, secretAccessKey]]), options);
}
