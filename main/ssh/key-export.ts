/**
 * "Export key for another terminal" and "Copy ssh command" on the Connect
 * page. The key leaves the vault only into a file the user chose in a
 * main-side save dialog, created with mode 0600 (the vault's exportSshKey);
 * its path is remembered on the vault item, and the ssh command names it.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { ResponseOf } from '../../common/contract/types';
import { vaultError } from '../vault/errors';
import { exportSshKey } from '../vault/export';
import type { Platform } from '../platform';
import type { ClipboardGuard } from '../vault/clipboard-guard';
import type { SecretStore } from '../vault/secret-store';
import { sshError } from './ssh-errors';
import type { SshTarget } from './ssh-target';

/** Quotes a word for a POSIX shell only when it needs it. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./~-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `ssh -i <key file> [-p <port>] <user>@<host>`; an IPv6 literal needs no brackets after `@`. */
export function sshCommand(target: SshTarget, keyPath: string): string {
  const port = target.port === 22 ? '' : ` -p ${target.port}`;
  return `ssh -i ${shellWord(keyPath)}${port} ${target.user}@${target.host}`;
}

/** What exporting a key and copying the command need: the vault's narrow store, dialogs, the clipboard. */
export interface KeyExportDeps {
  secrets: SecretStore;
  platform: Platform;
  clipboard: ClipboardGuard;
}

function sshKeyMeta(context: KeyExportDeps, keyId: string) {
  const meta = context.secrets.find(keyId);
  if (!meta) throw vaultError('itemNotFound', 'That vault item does not exist.', { id: keyId });
  if (meta.kind !== 'ssh-key') throw sshError('ssh.notAnSshKey', `Vault item ${keyId} is not an SSH key.`, { label: meta.label });
  return meta;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

export async function copySshCommand(context: KeyExportDeps, target: SshTarget): Promise<ResponseOf<'ssh.copyCommand'>> {
  const meta = sshKeyMeta(context, target.keyId);
  if (!meta.exportPath || !(await exists(meta.exportPath))) {
    throw sshError('ssh.keyNotExported', 'Export the key to a file first; the command needs its path.', { label: meta.label });
  }
  const command = sshCommand(target, meta.exportPath);
  context.clipboard.writePlain(command);
  return { command };
}

function fileStem(label: string): string {
  const stem = label.normalize('NFKC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+|_+$/g, '');
  return stem.slice(0, 80) || 'onramp';
}

export async function exportKeyFile(context: KeyExportDeps, keyId: string, title: string | undefined): Promise<ResponseOf<'ssh.exportKey'>> {
  const meta = sshKeyMeta(context, keyId);
  const file = await context.platform.chooseSaveFile({
    title: title ?? 'Export key',
    defaultName: `${fileStem(meta.awsKeyPairName ?? meta.label)}.pem`,
    filters: [{ name: 'OpenSSH', extensions: ['pem'] }],
  });
  if (!file) return { status: 'cancelled' };
  await exportSshKey(context.secrets, keyId, file); // 0600 from creation; never replaces an existing file
  await context.secrets.updateMeta(keyId, { exportPath: file }); // the vault announces it
  return { status: 'saved', path: file, fileName: path.basename(file) };
}
