/**
 * A terminal session as the UI sees it: a stable id, a target and a size
 * that outlive any one channel, so `reconnect` can open a fresh shell under
 * the same id while the renderer keeps its scrollback.
 */
import { randomUUID } from 'node:crypto';
import type { ClientChannel, PseudoTtyOptions } from 'ssh2';
import { createShellIntegrationNonce, shellIntegrationInstallLine } from '../../common/shell-integration';
import type { ConnectionLease } from './connection-pool';
import type { FlowControlOptions } from './output-batcher';
import { ShellChannel, type ShellChannelHooks, type ShellFlowStats } from './shell-channel';
import { closedError, sshError } from './ssh-errors';
import type { SshTarget } from './ssh-target';
import type { TerminalCommandResult } from './terminal-command-runner';

export interface TerminalSize {
  readonly cols: number;
  readonly rows: number;
}

export interface ShellOptions {
  /** Install OSC 633 markers (needed by runInTerminal). Default true. */
  readonly shellIntegration?: boolean;
}

export class ShellSession {
  readonly id = randomUUID();
  private current: ShellChannel | undefined;
  private size: TerminalSize;
  /** Bumped on every open, so a replaced channel's late events are dropped. */
  private generation = 0;

  constructor(
    readonly target: SshTarget,
    size: TerminalSize,
    private readonly options: ShellOptions,
    private readonly flow: FlowControlOptions,
    private readonly hooks: ShellChannelHooks,
  ) {
    this.size = size;
  }

  get isOpen(): boolean {
    return this.current?.isOpen ?? false;
  }

  /** Open a PTY shell on the leased connection and start delivering its output. */
  async open(lease: ConnectionLease): Promise<void> {
    // From here on, events of the previous channel (if any) are stale.
    const generation = ++this.generation;
    const current = (): boolean => generation === this.generation;
    const integrate = this.options.shellIntegration !== false;
    const pty: PseudoTtyOptions = {
      term: 'xterm-256color',
      cols: this.size.cols,
      rows: this.size.rows,
      // ECHO off until the integration line has run: readline then does not echo it (see shell-integration.ts).
      ...(integrate ? { modes: { ECHO: 0 } } : {}),
    };
    let channel: ClientChannel;
    try {
      channel = await new Promise<ClientChannel>((resolve, reject) => {
        lease.client.shell(pty, (error, stream) => (error ? reject(error) : resolve(stream)));
      });
    } catch (error) {
      lease.release();
      throw lease.isAlive()
        ? sshError('ssh.channelOpenFailed', `The server refused a new terminal: ${error instanceof Error ? error.message : ''}`)
        : closedError('ssh.connectionLost');
    }
    const nonce = integrate ? createShellIntegrationNonce() : undefined;
    this.current = new ShellChannel(channel, lease, nonce, this.flow, {
      data: (text) => {
        if (current()) this.hooks.data(text);
      },
      closed: (reason) => {
        if (current()) this.hooks.closed(reason);
      },
    });
    if (nonce) this.current.write(shellIntegrationInstallLine(nonce));
  }

  write(data: string): void {
    this.current?.write(data);
  }

  resize(size: TerminalSize): void {
    this.size = size;
    this.current?.resize(size.cols, size.rows);
  }

  ack(count: number): void {
    this.current?.ack(count);
  }

  /** `quiet`: no `closed` event for this channel (reconnect replaces it). */
  close(options: { quiet?: boolean } = {}): void {
    if (options.quiet) this.generation += 1;
    this.current?.close('ssh.closedByUser');
  }

  /**
   * Type `command` into this terminal and resolve with its exit code. Waits
   * up to `integrationTimeoutMs` for the shell's first integrated prompt.
   */
  async runInTerminal(command: string, timeoutMs: number | undefined, integrationTimeoutMs: number): Promise<TerminalCommandResult> {
    const channel = this.current;
    if (!channel?.isOpen) throw sshError('ssh.sessionClosed', 'This terminal is not connected.');
    const runner = channel.runner;
    if (!runner) throw sshError('ssh.shellIntegrationUnavailable', 'Shell integration is off for this terminal.');
    if (!runner.ready) await withTimeout(runner.whenReady, integrationTimeoutMs);
    return runner.run(command, timeoutMs);
  }

  flowStats(): ShellFlowStats | undefined {
    return this.current?.flowStats();
  }
}

async function withTimeout(ready: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          sshError(
            'ssh.shellIntegrationUnavailable',
            'The remote shell did not report a prompt, so commands cannot be tracked (bash 4.4 or newer is needed).',
          ),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
