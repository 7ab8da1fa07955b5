/**
 * One command on its own exec channel (no PTY), separate from any terminal:
 * the verify commands of each setup step. Output is capped so a chatty
 * command cannot exhaust main's memory.
 */
import type { Client, ClientChannel } from 'ssh2';
import { closedError, sshError } from './ssh-errors';

export interface ExecOptions {
  /**
   * Close the channel and reject with `ssh.execTimeout` after this long. The
   * remote process is not killed (stdin is at EOF, see below); wrap long
   * commands in `timeout` remotely if they must die.
   */
  readonly timeoutMs?: number;
  /** Per stream; more is dropped and `truncated` set. Default 8 MiB. */
  readonly maxOutputBytes?: number;
  /** Written to the command's stdin, then EOF. Without it, stdin is at EOF from the start (like `ssh -n`). */
  readonly stdin?: string | Buffer;
}

export interface ExecResult {
  /** Exit status, or null when the command died from a signal. */
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly truncated: boolean;
}

const DEFAULT_MAX_OUTPUT = 8 * 1024 * 1024;

export function execOnClient(client: Client, command: string, options: ExecOptions, isAlive: () => boolean): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) {
        reject(isAlive() ? sshError('ssh.execFailed', `Could not start the command: ${error.message}`) : closedError('ssh.connectionLost'));
        return;
      }
      collect(channel, options, isAlive).then(resolve, reject);
    });
  });
}

function collect(channel: ClientChannel, options: ExecOptions, isAlive: () => boolean): Promise<ExecResult> {
  const limit = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const stdout = new CappedBuffer(limit);
  const stderr = new CappedBuffer(limit);
  let code: number | null = null;
  let signal: string | null = null;
  let exited = false;
  return new Promise((resolve, reject) => {
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            // We already sent EOF, after which ssh2's channel.signal() sends nothing: closing the
            // channel frees main, but the remote command may keep running until it ends (wrap it
            // in `timeout` on the server where that matters).
            channel.close();
            reject(sshError('ssh.execTimeout', 'The command did not finish in time.', { seconds: Math.round((options.timeoutMs ?? 0) / 1000) }));
          }, options.timeoutMs);
    channel.on('data', (chunk: Buffer) => stdout.add(chunk));
    channel.stderr.on('data', (chunk: Buffer) => stderr.add(chunk));
    channel.on('error', () => undefined);
    channel.on('exit', (exitCode: number | null, exitSignal?: string) => {
      exited = true;
      code = typeof exitCode === 'number' ? exitCode : null;
      signal = exitSignal ?? null;
    });
    channel.on('close', () => {
      if (timer) clearTimeout(timer);
      if (!exited && !isAlive()) {
        reject(closedError('ssh.connectionLost'));
        return;
      }
      resolve({
        code,
        signal,
        stdout: stdout.text(),
        stderr: stderr.text(),
        truncated: stdout.truncated || stderr.truncated,
      });
    });
    if (options.stdin !== undefined) channel.end(options.stdin);
    else channel.end();
  });
}

class CappedBuffer {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly limit: number) {}

  add(chunk: Buffer): void {
    const room = this.limit - this.size;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (part.length < chunk.length) this.truncated = true;
    this.chunks.push(part);
    this.size += part.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
