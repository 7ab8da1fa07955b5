/**
 * Files the App step puts on the server that a command line must never carry
 * (the settings file, the deploy key) or that are too long to type (the
 * unit): uploaded over SFTP, created 0600 in a staging folder the login user
 * owns, then `sudo install`ed with their owner and mode and the upload removed.
 */
import { randomBytes } from 'node:crypto';
import type { RemoteShell } from '../server/remote';
import { shellQuote } from '../server/shell-quote';
import { checkedAppError } from '../../common/errors';

export const STAGING_ROOT = '/var/tmp/onramp-upload';

/** The staging root, owned by the login user (its files stay 0600 until installed). */
export async function ensureStagingRoot(remote: RemoteShell): Promise<void> {
  const result = await remote.exec(`sudo install -d -m 755 -o "$(id -un)" -g "$(id -gn)" ${STAGING_ROOT}`, { timeoutMs: 30_000, maxOutputBytes: 16 * 1024 });
  if (result.code !== 0) throw checkedAppError('app.stagingFailed', `Could not make ${STAGING_ROOT}`, { exitCode: result.code ?? 255 });
}

export async function installFile(remote: RemoteShell, target: string, content: string, options: { mode: '600' | '644'; owner: string }): Promise<void> {
  const temp = `${STAGING_ROOT}/.file-${randomBytes(6).toString('hex')}`;
  await remote.upload(temp, content, 0o600);
  const owner = shellQuote(options.owner);
  const result = await remote.exec(`sudo install -m ${options.mode} -o ${owner} -g ${owner} ${shellQuote(temp)} ${shellQuote(target)}; r=$?; rm -f ${shellQuote(temp)}; exit $r`, {
    timeoutMs: 30_000,
    maxOutputBytes: 16 * 1024,
  });
  if (result.code !== 0) throw checkedAppError('app.fileFailed', `Could not install ${target}`, { path: target, exitCode: result.code ?? 255 });
}
