/**
 * One open PTY channel of a terminal session: output batching with flow
 * control, OSC 633 marker tracking for runInTerminal, and the close reason.
 * A ShellSession gets a new ShellChannel on every (re)connect.
 */
import type { ClientChannel } from 'ssh2';
import { Osc633Scanner } from '../../common/shell-integration';
import { OutputBatcher, type FlowControlOptions, type FlowStats } from './output-batcher';
import type { ConnectionLease } from './connection-pool';
import type { SshClosedReason } from './ssh-events';
import { closedError } from './ssh-errors';
import { TerminalCommandRunner } from './terminal-command-runner';

export interface ShellChannelHooks {
  data(text: string): void;
  closed(reason: SshClosedReason): void;
}

export interface ShellFlowStats extends FlowStats {
  /** Bytes ssh2 holds in the paused stream (at most its 2 MiB highWaterMark + one 2 MiB window). */
  readonly streamBuffered: number;
}

export class ShellChannel {
  readonly runner: TerminalCommandRunner | undefined;
  private readonly batcher: OutputBatcher;
  private readonly scanner = new Osc633Scanner();
  private closeReason: SshClosedReason | undefined;
  private closed = false;
  private readonly stopWatchingLease: () => void;

  constructor(
    private readonly channel: ClientChannel,
    private readonly lease: ConnectionLease,
    nonce: string | undefined,
    flow: FlowControlOptions,
    private readonly hooks: ShellChannelHooks,
  ) {
    this.runner = nonce ? new TerminalCommandRunner(nonce, (data) => this.write(data)) : undefined;
    this.batcher = new OutputBatcher(
      {
        emit: (text) => this.deliver(text),
        pause: () => channel.pause(),
        resume: () => channel.resume(),
      },
      flow,
    );
    const push = (chunk: Buffer): void => this.batcher.push(chunk);
    channel.on('data', push);
    channel.stderr.on('data', push);
    channel.on('close', () => this.onChannelClosed());
    // Without this, a write racing a dying connection would throw an unhandled 'error'.
    channel.on('error', () => undefined);
    this.stopWatchingLease = lease.onLost(() => {
      this.closeReason ??= 'ssh.connectionLost';
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  write(data: string): void {
    if (!this.closed && this.channel.writable) this.channel.write(data);
  }

  resize(cols: number, rows: number): void {
    if (!this.closed) this.channel.setWindow(rows, cols, 0, 0);
  }

  ack(count: number): void {
    this.batcher.ack(count);
  }

  /** Close the channel; the `closed` hook fires with `reason` once ssh2 confirms. */
  close(reason: SshClosedReason): void {
    if (this.closed) return;
    this.closeReason ??= reason;
    // Whatever is still buffered is not wanted any more; drain it so ssh2 can finish closing.
    this.batcher.dispose();
    this.channel.resume();
    this.channel.close();
    // A dead connection never confirms; do not wait for it.
    if (!this.lease.isAlive()) this.onChannelClosed();
  }

  flowStats(): ShellFlowStats {
    return { ...this.batcher.stats(), streamBuffered: this.channel.readableLength };
  }

  private deliver(text: string): void {
    this.hooks.data(text);
    if (!this.runner) return;
    for (const marker of this.scanner.push(text)) this.runner.onMarker(marker);
  }

  private onChannelClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.batcher.end();
    this.batcher.dispose();
    this.stopWatchingLease();
    const reason = this.closeReason ?? (this.lease.isAlive() ? 'ssh.shellExited' : 'ssh.connectionLost');
    this.runner?.fail(closedError(reason));
    this.lease.release();
    this.hooks.closed(reason);
  }
}
