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
import type { VaultContext } from '../vault/vault-context';
import { sshCommand } from './ssh-command';
import { sshError } from './ssh-errors';
import type { SshTarget } from './ssh-target';

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

export async function copySshCommand(context: VaultContext, target: SshTarget): Promise<ResponseOf<'ssh.copyCommand'>> {
  const meta = context.vault.get(target.keyId);
  if (meta.kind !== 'ssh-key') throw sshError('ssh.notAnSshKey', `Vault item ${target.keyId} is not an SSH key.`, { label: meta.label });
  if (!meta.exportPath || !(await exists(meta.exportPath))) {
    throw sshError('ssh.keyNotExported', 'Export the key to a file first; the command needs its path.', { label: meta.label });
  }
  const command = sshCommand(target, meta.exportPath);
  context.clipboard.writePlain(command);
  return { command };
}
