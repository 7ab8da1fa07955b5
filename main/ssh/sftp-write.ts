/**
 * Upload a file over SFTP atomically: write a temp file next to the target
 * with the wanted mode, chmod it (the server's umask applies at create), then
 * rename over the target with posix-rename@openssh.com. A reader never sees a
 * half-written file (matters for nginx configs).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Client, SFTPWrapper } from 'ssh2';
import { closedError, sshError } from './ssh-errors';

export async function sftpWriteFile(
  client: Client,
  remotePath: string,
  data: string | Buffer,
  mode: number,
  isAlive: () => boolean,
): Promise<void> {
  const fail = (step: string, error: unknown) =>
    isAlive()
      ? sshError('ssh.sftpFailed', `SFTP ${step} failed for ${remotePath}: ${error instanceof Error ? error.message : String(error)}`, {
          path: remotePath,
        })
      : closedError('ssh.connectionLost');
  const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
    client.sftp((error, wrapper) => (error ? reject(fail('start', error)) : resolve(wrapper)));
  });
  const temp = path.posix.join(path.posix.dirname(remotePath), `.${path.posix.basename(remotePath)}.onramp-${randomBytes(4).toString('hex')}`);
  // ssh2 never answers a request made after the session ended (the connection dropped between steps): refuse it instead of waiting forever.
  let ended = false;
  const end = () => void (ended = true);
  sftp.once('end', end).once('close', end);
  const step = (name: string, run: (done: (error?: Error | null) => void) => void): Promise<void> =>
    new Promise((resolve, reject) => {
      if (ended || !isAlive()) return reject(fail(name, new Error('the SFTP session has ended')));
      run((error) => (error ? reject(fail(name, error)) : resolve()));
    });
  try {
    await step('write', (done) => sftp.writeFile(temp, data, { mode }, done));
    await step('chmod', (done) => sftp.chmod(temp, mode, done));
    await step('rename', (done) => sftp.ext_openssh_rename(temp, remotePath, done));
  } catch (error) {
    if (isAlive()) await removeQuietly(sftp, temp);
    throw error;
  } finally {
    sftp.end();
  }
}

/** Best effort: a cleanup that never answers must not hang the caller. */
function removeQuietly(sftp: SFTPWrapper, file: string): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 2000);
    try {
      sftp.unlink(file, () => (clearTimeout(timer), resolve()));
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}
