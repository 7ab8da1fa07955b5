/**
 * Every error code the SSH layer throws, as a closed set so the translation
 * files can be checked against it (see ssh-errors.test.ts). The renderer
 * translates `ssh.<key>` as `ssh:errors.<key>` with `params` interpolated.
 */
import { AppError, type ErrorParams } from '../../common/errors';
import type { SshClosedReason } from './ssh-events';

export const SSH_ERROR_CODES = [
  'ssh.invalidTarget',
  'ssh.invalidTerminalSize',
  'ssh.keyUnavailable',
  'ssh.keyInvalid',
  'ssh.keyEncrypted',
  'ssh.connectTimeout',
  'ssh.connectionRefused',
  'ssh.hostUnreachable',
  'ssh.hostNotFound',
  'ssh.handshakeFailed',
  'ssh.noCommonAlgorithm',
  'ssh.connectFailed',
  'ssh.authFailed',
  'ssh.hostKeyMismatch',
  'ssh.hostKeyRevoked',
  'ssh.hostKeyNotInConsole',
  'ssh.hostKeyRejected',
  'ssh.hostKeyPromptTimeout',
  'ssh.hostKeyPromptUnknown',
  'ssh.knownHostsUnreadable',
  'ssh.knownHostsWriteFailed',
  'ssh.consoleOutputFailed',
  'ssh.sessionNotFound',
  'ssh.sessionClosed',
  'ssh.channelOpenFailed',
  'ssh.execFailed',
  'ssh.execTimeout',
  'ssh.sftpFailed',
  'ssh.shellIntegrationUnavailable',
  'ssh.commandInvalid',
  'ssh.commandTimeout',
  'ssh.managerDisposed',
  'ssh.noSetupServer',
  'ssh.noOwnServer',
  'ssh.notAnSshKey',
  'ssh.keyNotExported',
  'ssh.shellExited',
  'ssh.connectionLost',
  'ssh.closedByUser',
] as const satisfies readonly `ssh.${string}`[];

export type SshErrorCode = (typeof SSH_ERROR_CODES)[number];

export function sshError(code: SshErrorCode, message: string, params?: ErrorParams): AppError {
  return new AppError(code, message, params);
}

const CLOSED_MESSAGES: Record<SshClosedReason, string> = {
  'ssh.shellExited': 'The remote shell exited.',
  'ssh.connectionLost': 'The SSH connection was lost.',
  'ssh.closedByUser': 'The terminal was closed.',
};

/** Closed reasons double as error codes: a pending runInTerminal rejects with them. */
export function closedError(reason: SshClosedReason): AppError {
  return sshError(reason, CLOSED_MESSAGES[reason]);
}
