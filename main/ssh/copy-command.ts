/**
 * `ssh.copyCommand`: the ssh command for a resolved target (user, host, port)
 * on the main-side clipboard. The key file is the one the user exported with
 * `vault.export` (a 0600 file from a main-side save dialog), whose path the
 * vault keeps on the item; until then the answer is `ssh.keyNotExported`.
 * Export belongs to the vault (every item kind and format), the command to SSH
 * (it knows the target): one channel each.
 */
import { access } from 'node:fs/promises';
import type { ResponseOf } from '../../common/contract/types';
import type { Platform } from '../platform';
import type { ClipboardGuard } from '../vault/clipboard-guard';
import { vaultError } from '../vault/errors';
import type { SecretStore } from '../vault/secret-store';
import { sshCommand } from './ssh-command';
import { sshError } from './ssh-errors';
import type { SshTarget } from './ssh-target';

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** What SSH needs of the vault and the shell: the narrow store, dialogs, the clipboard. */
export interface KeyExportDeps {
  secrets: SecretStore;
  platform: Platform;
  clipboard: ClipboardGuard;
}

export async function copySshCommand(context: KeyExportDeps, target: SshTarget): Promise<ResponseOf<'ssh.copyCommand'>> {
  const meta = context.secrets.find(target.keyId);
  if (!meta) throw vaultError('itemNotFound', 'That vault item does not exist.', { id: target.keyId });
  if (meta.kind !== 'ssh-key') throw sshError('ssh.notAnSshKey', `Vault item ${target.keyId} is not an SSH key.`, { label: meta.label });
  if (!meta.exportPath || !(await exists(meta.exportPath))) {
    throw sshError('ssh.keyNotExported', 'Export the key to a file first; the command needs its path.', { label: meta.label });
  }
  const command = sshCommand(target, meta.exportPath);
  await context.clipboard.writePlain(command);
  return { command };
}
