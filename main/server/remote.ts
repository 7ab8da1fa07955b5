/**
 * How the server steps reach the server: commands the user should see are
 * typed into the visible terminal (`visible`, exit code through OSC 633);
 * checks and reads go over a separate exec channel (`exec`); files go over
 * SFTP (`upload`). Built on the SSH layer's SshSessionManager.
 */
import { AppError, checkedAppError, type ErrorCode, type ErrorParamsOf } from '../../common/errors';
import type { ExecOptions, ExecResult, SshSessionManager, SshTargetInput } from '../ssh';

export interface RemoteShell {
  /** Types the command into the visible terminal and resolves with its exit code. */
  visible(command: string, options?: { timeoutMs?: number }): Promise<number>;
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  upload(remotePath: string, data: string, mode: number): Promise<void>;
}

export type RemoteSsh = Pick<SshSessionManager, 'exec' | 'writeFile' | 'runInTerminal'>;

/**
 * `sessionId` names the terminal the user watches. Without one (a check run
 * when the page is closed, or the benchmark) the same commands run on an exec
 * channel instead, and only their exit codes are kept.
 */
export function sshRemote(ssh: RemoteSsh, target: SshTargetInput, sessionId?: string): RemoteShell {
  return {
    async visible(command, options = {}) {
      if (sessionId) return (await ssh.runInTerminal(sessionId, command, options)).exitCode;
      const result = await ssh.exec(target, command, { timeoutMs: options.timeoutMs, maxOutputBytes: 64 * 1024 });
      return result.code ?? 255;
    },
    exec: (command, options) => ssh.exec(target, command, options),
    upload: (remotePath, data, mode) => ssh.writeFile(target, remotePath, data, mode),
  };
}

/** A code that explains a failed command: it carries the command's exit code. */
export type ExitCodeError = { [C in ErrorCode]: ErrorParamsOf<C> extends { readonly exitCode: number } ? C : never }[ErrorCode];
/** The params such a code carries besides the exit code. */
type ParamsBesides<C extends ExitCodeError> = Omit<ErrorParamsOf<C>, 'exitCode'>;
/** A code that carries the exit code and nothing else (a remote step's failure). */
export type BareExitCodeError = { [C in ExitCodeError]: Record<never, never> extends ParamsBesides<C> ? C : never }[ExitCodeError];

/** Runs `command` in the terminal and throws `code` (with params and the exit code) when it exits non-zero. */
export async function visibleOrFail<C extends ExitCodeError>(
  remote: RemoteShell,
  command: string,
  code: C,
  ...[params, timeoutMs]: Record<never, never> extends ParamsBesides<C> ? [params?: ParamsBesides<C>, timeoutMs?: number] : [params: ParamsBesides<C>, timeoutMs?: number]
): Promise<void> {
  const exitCode = await remote.visible(command, { timeoutMs });
  // ParamsBesides<C> plus the exit code: the params C declares.
  if (exitCode !== 0) throw checkedAppError(code, `Command failed with exit code ${exitCode}`, { ...params, exitCode });
}

/** True when the exec'd test command exits 0. */
export async function holds(remote: RemoteShell, command: string, timeoutMs = 30_000): Promise<boolean> {
  return (await remote.exec(command, { timeoutMs, maxOutputBytes: 64 * 1024 })).code === 0;
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('server.cancelled', 'Cancelled.');
}
