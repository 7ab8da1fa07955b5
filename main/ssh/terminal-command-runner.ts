/**
 * `runInTerminal` for one shell: types a command into the visible terminal
 * and resolves with its exit code when the OSC 633 D marker carrying this
 * session's nonce arrives. Commands queue: each waits until the shell shows
 * a prompt (marker A) before it is typed, so a command never lands in the
 * middle of another.
 */
import type { AppError } from '../../common/errors';
import type { Osc633Marker } from '../../common/shell-integration';
import { sshError } from './ssh-errors';

export interface TerminalCommandResult {
  readonly exitCode: number;
}

interface QueuedCommand {
  readonly command: string;
  readonly resolve: (result: TerminalCommandResult) => void;
  readonly reject: (error: AppError) => void;
  readonly timer: NodeJS.Timeout | undefined;
  started: boolean;
  executing: boolean;
}

/**
 * Ctrl-A Ctrl-K: clear whatever the user had half-typed at the prompt (readline
 * emacs mode, bash's default). Unlike Ctrl-U, it does not ring the bell on an
 * empty line.
 */
const CLEAR_INPUT_LINE = '\x01\x0b';

export class TerminalCommandRunner {
  private readonly queue: QueuedCommand[] = [];
  private atPrompt = false;
  private integrated = false;
  private failure: AppError | undefined;
  private markReady: () => void = () => undefined;
  private markFailed: (error: AppError) => void = () => undefined;
  /** Settles when the shell first shows a prompt with our markers, or the session ends. */
  readonly whenReady: Promise<void>;

  constructor(
    private readonly nonce: string,
    private readonly type: (data: string) => void,
  ) {
    this.whenReady = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      this.markFailed = reject;
    });
    this.whenReady.catch(() => undefined);
  }

  /** True once the shell has shown a prompt with our markers. */
  get ready(): boolean {
    return this.integrated;
  }

  run(command: string, timeoutMs?: number): Promise<TerminalCommandResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (command.trim() === '' || /[\r\n]/.test(command)) {
      return Promise.reject(sshError('ssh.commandInvalid', 'Terminal commands must be one non-empty line.'));
    }
    return new Promise((resolve, reject) => {
      const entry: QueuedCommand = {
        command,
        resolve,
        reject,
        started: false,
        executing: false,
        timer:
          timeoutMs === undefined
            ? undefined
            : setTimeout(() => this.settle(entry, sshError('ssh.commandTimeout', 'The command did not finish in time.', { seconds: Math.round(timeoutMs / 1000) })), timeoutMs),
      };
      this.queue.push(entry);
      this.startNext();
    });
  }

  onMarker(marker: Osc633Marker): void {
    if (marker.nonce !== this.nonce) return; // forged or from another session
    const current = this.queue[0];
    switch (marker.type) {
      case 'A':
        this.integrated = true;
        this.markReady();
        // A prompt while our typed command has not started (C) yet can be an
        // Enter the user pressed just before: keep waiting for C/D.
        this.atPrompt = !current?.started;
        this.startNext();
        return;
      case 'B':
        return;
      case 'C':
        this.atPrompt = false;
        if (current?.started) current.executing = true;
        return;
      case 'D':
        if (current?.started && current.executing) this.settle(current, { exitCode: marker.exitCode });
        return;
    }
  }

  /** The session is gone: reject everything queued, now and later. */
  fail(error: AppError): void {
    this.failure = error;
    this.markFailed(error);
    for (const entry of [...this.queue]) this.settle(entry, error);
  }

  private startNext(): void {
    const next = this.queue[0];
    if (!next || next.started || !this.atPrompt) return;
    next.started = true;
    this.atPrompt = false;
    this.type(`${CLEAR_INPUT_LINE}${next.command}\r`);
  }

  private settle(entry: QueuedCommand, outcome: TerminalCommandResult | AppError): void {
    const index = this.queue.indexOf(entry);
    if (index < 0) return;
    this.queue.splice(index, 1);
    if (entry.timer) clearTimeout(entry.timer);
    if (outcome instanceof Error) entry.reject(outcome);
    else entry.resolve(outcome);
  }
}
