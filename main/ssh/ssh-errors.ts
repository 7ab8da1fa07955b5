/**
 * The SSH layer's error codes, declared with their params in the error
 * registry (common/errors/ssh.ts). The renderer translates `ssh.<key>` as
 * `ssh:errors.<key>` with `params` interpolated.
 */
import { AppError, type ErrorCode, type ParamArgs } from '../../common/errors';
import { errorCodes } from '../../common/errors/registry';
import type { SshClosedReason } from './ssh-events';

export type SshErrorCode = Extract<ErrorCode, `ssh.${string}`>;

export const SSH_ERROR_CODES = errorCodes.filter((code): code is SshErrorCode => code.startsWith('ssh.'));

export function sshError<C extends SshErrorCode>(code: C, message: string, ...params: ParamArgs<C>): AppError<C> {
  return new AppError<C>(code, message, ...params);
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
