/**
 * ssh2 / socket failures -> translated AppErrors. Messages name the host and
 * user but never the key material.
 */
import type { AppError } from '../../common/errors';
import { sshError } from './ssh-errors';
import type { SshTarget } from './ssh-target';

/** Default login names of common images, suggested when authentication fails. */
const DEFAULT_USERS = ['ubuntu', 'ec2-user', 'admin', 'root'] as const;

/**
 * Which other user names to suggest. The server never says whether the user or
 * the key was wrong, so the message covers both.
 */
export function suggestedUsers(tried: string): string[] {
  switch (tried) {
    case 'ubuntu':
      return ['ec2-user', 'admin'];
    case 'ec2-user':
      return ['ubuntu', 'admin'];
    case 'admin':
      return ['ubuntu', 'ec2-user'];
    case 'root':
      return ['ubuntu', 'ec2-user'];
    default:
      return DEFAULT_USERS.filter((user) => user !== tried);
  }
}

export interface Ssh2ErrorLike {
  readonly message: string;
  readonly level?: string;
  readonly code?: string | number;
}

export function toSsh2ErrorLike(error: unknown): Ssh2ErrorLike {
  if (!(error instanceof Error)) return { message: String(error) };
  const level = 'level' in error && typeof error.level === 'string' ? error.level : undefined;
  const code = 'code' in error && (typeof error.code === 'string' || typeof error.code === 'number') ? error.code : undefined;
  return { message: error.message, level, code };
}

export function mapConnectError(error: Ssh2ErrorLike, target: SshTarget): AppError {
  const host = target.port === 22 ? target.host : `${target.host}:${target.port}`;
  const params = { host, user: target.user };
  if (error.level === 'client-authentication') {
    const suggestions = suggestedUsers(target.user).join(', ');
    return sshError(
      'ssh.authFailed',
      `${host} refused the key for user "${target.user}". Either this is not the key pair the server was set up with, or the login name is wrong (try: ${suggestions}).`,
      { ...params, suggestions },
    );
  }
  switch (error.code) {
    case 'ECONNREFUSED':
      return sshError('ssh.connectionRefused', `Nothing accepts SSH connections on ${host}.`, params);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return sshError('ssh.hostUnreachable', `There is no network route to ${host}.`, params);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return sshError('ssh.hostNotFound', `The name ${target.host} could not be resolved.`, params);
    case 'ETIMEDOUT':
      return connectTimeout(target);
    case 'ECONNRESET':
    case 'EPIPE':
      return sshError('ssh.connectionLost', `The connection to ${host} was reset.`, params);
  }
  if (error.level === 'client-timeout') return connectTimeout(target);
  if (error.level === 'handshake' && /no matching/i.test(error.message)) {
    return sshError(
      'ssh.noCommonAlgorithm',
      `${host} offers only SSH algorithms Onramp does not use (SHA-1 signatures or MACs, compression before login): ${error.message}`,
      { ...params, detail: error.message },
    );
  }
  if (error.level === 'handshake' || error.level === 'protocol') {
    return sshError('ssh.handshakeFailed', `The SSH handshake with ${host} failed: ${error.message}`, { ...params, detail: error.message });
  }
  return sshError('ssh.connectFailed', `Could not connect to ${host}: ${error.message}`, { ...params, detail: error.message });
}

export function connectTimeout(target: SshTarget): AppError {
  const host = target.port === 22 ? target.host : `${target.host}:${target.port}`;
  return sshError('ssh.connectTimeout', `${host} did not complete an SSH connection in time.`, { host, user: target.user });
}

/**
 * ssh2 throws synchronously from connect() when the private key cannot be
 * used. Its messages name the problem, never the key; we still use our own.
 */
export function mapPrivateKeyError(error: unknown, keyId: string): AppError {
  const message = error instanceof Error ? error.message : '';
  if (/passphrase|encrypted/i.test(message)) {
    return sshError('ssh.keyEncrypted', 'The private key is protected by a passphrase.', { keyId });
  }
  return sshError('ssh.keyInvalid', 'The private key could not be read (unsupported or damaged format).', { keyId });
}
