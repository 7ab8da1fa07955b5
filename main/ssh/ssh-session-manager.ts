/**
 * The SSH layer's public face in main: terminals, exec, SFTP and host key
 * decisions for every target. Transport-agnostic: events go to an injected
 * `SshEvents` sink, private keys come from an injected `getPrivateKey`.
 *
 * Connections are shared per (user, host, port, keyId) — see connection-pool.ts.
 */
import { ConnectionPool } from './connection-pool';
import type { ConsoleHostKeysSource } from './host-key-policy';
import { HostKeyPolicy } from './host-key-policy';
import { HostKeyPrompts } from './host-key-prompts';
import { KnownHosts } from './known-hosts';
import { DEFAULT_FLOW_CONTROL, type FlowControlOptions } from './output-batcher';
import { execOnClient, type ExecOptions, type ExecResult } from './remote-exec';
import { checkUploadInput, sftpUploadTree, type UploadTreeInput, type UploadTreeOptions, type UploadTreeResult } from './sftp-upload-tree';
import { sftpWriteFile } from './sftp-write';
import type { ShellFlowStats } from './shell-channel';
import { ShellSession, type ShellOptions, type TerminalSize } from './shell-session';
import { connectSsh, type ConnectTiming, type PrivateKeySource } from './ssh-connect';
import { sshError } from './ssh-errors';
import type { SshEvents } from './ssh-events';
import { sshTargetSchema, type SshTarget, type SshTargetInput } from './ssh-target';
import type { TerminalCommandResult } from './terminal-command-runner';

export interface SshTiming extends ConnectTiming {
  /** How long a host key question stays open. */
  readonly hostKeyPromptTimeoutMs: number;
  /** Close a shared connection this long after its last user is gone. */
  readonly idleDisconnectMs: number;
  /** How long runInTerminal waits for the shell's first integrated prompt. */
  readonly shellIntegrationTimeoutMs: number;
}

export const DEFAULT_SSH_TIMING: SshTiming = {
  connectTimeoutMs: 20_000,
  keepaliveIntervalMs: 15_000,
  keepaliveCountMax: 3,
  hostKeyPromptTimeoutMs: 10 * 60_000,
  idleDisconnectMs: 60_000,
  shellIntegrationTimeoutMs: 15_000,
};

export interface SshSessionManagerOptions {
  /** Reads the private key from the vault into memory; it is never written to disk. */
  readonly getPrivateKey: PrivateKeySource;
  readonly events: SshEvents;
  /** Usually `KnownHosts.inDataDir(dataDir)`. */
  readonly knownHosts: KnownHosts;
  /** EC2 console host keys for a target; omit for bring-your-own servers only. */
  readonly consoleHostKeys?: ConsoleHostKeysSource;
  readonly timing?: Partial<SshTiming>;
  readonly flowControl?: Partial<FlowControlOptions>;
}

export class SshSessionManager {
  private readonly sessions = new Map<string, ShellSession>();
  private readonly prompts: HostKeyPrompts;
  private readonly pool: ConnectionPool;
  private readonly timing: SshTiming;
  private readonly flow: FlowControlOptions;
  private disposed = false;

  constructor(private readonly options: SshSessionManagerOptions) {
    this.timing = { ...DEFAULT_SSH_TIMING, ...options.timing };
    this.flow = { ...DEFAULT_FLOW_CONTROL, ...options.flowControl };
    this.prompts = new HostKeyPrompts(options.events, this.timing.hostKeyPromptTimeoutMs);
    const policy = new HostKeyPolicy({
      knownHosts: options.knownHosts,
      prompts: this.prompts,
      consoleHostKeys: options.consoleHostKeys,
    });
    this.pool = new ConnectionPool(
      (target) => connectSsh(target, { getPrivateKey: options.getPrivateKey, policy, timing: this.timing }),
      this.timing.idleDisconnectMs,
    );
  }

  /** Open a PTY shell (xterm-256color) and return its session id. Output arrives as `data` events. */
  async openShell(targetInput: SshTargetInput, size: TerminalSize, shellOptions: ShellOptions = {}): Promise<string> {
    this.assertUsable();
    const target = parseTarget(targetInput);
    const session: ShellSession = new ShellSession(target, checkSize(size), shellOptions, this.flow, {
      data: (text) => this.options.events.data(session.id, text),
      closed: (reason) => this.options.events.closed(session.id, reason),
    });
    await session.open(await this.pool.acquire(target));
    this.sessions.set(session.id, session);
    return session.id;
  }

  /** Send keyboard input (as xterm's onData gives it). Ignored once the session is closed. */
  write(sessionId: string, data: string): void {
    this.session(sessionId).write(data);
  }

  resize(sessionId: string, cols: number, rows: number): void {
    this.session(sessionId).resize(checkSize({ cols, rows }));
  }

  /** The renderer has written `count` characters (`text.length` of data events) to xterm. */
  ack(sessionId: string, count: number): void {
    this.sessions.get(sessionId)?.ack(count);
  }

  /** Close the shell (a `closed` event with `ssh.closedByUser` follows) and forget the session. */
  close(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    session.close();
  }

  /** The window that owned the terminals is gone (reloaded or closed): close every shell. */
  closeAllShells(): void {
    for (const id of [...this.sessions.keys()]) this.close(id);
  }

  /**
   * Open a new shell for the same target and size under the same session id
   * (the renderer keeps its scrollback). A still-open old shell is closed
   * without a `closed` event.
   */
  async reconnect(sessionId: string): Promise<void> {
    this.assertUsable();
    const session = this.session(sessionId);
    const wasOpen = session.isOpen;
    if (wasOpen) session.close({ quiet: true });
    // A terminal that still looks open but needs a reconnect may sit on a dead connection.
    await session.open(await this.pool.acquire(session.target, { fresh: wasOpen }));
  }

  /**
   * Type `command` (one line) into the visible terminal and resolve with its
   * exit code, read from the shell integration's OSC 633 D marker.
   */
  runInTerminal(sessionId: string, command: string, options: { timeoutMs?: number } = {}): Promise<TerminalCommandResult> {
    return this.session(sessionId).runInTerminal(command, options.timeoutMs, this.timing.shellIntegrationTimeoutMs);
  }

  /** Run a command on a separate exec channel (no PTY, not shown in any terminal). */
  async exec(targetInput: SshTargetInput, command: string, execOptions: ExecOptions = {}): Promise<ExecResult> {
    this.assertUsable();
    const lease = await this.pool.acquire(parseTarget(targetInput));
    try {
      return await execOnClient(lease.client, command, execOptions, lease.isAlive);
    } finally {
      lease.release();
    }
  }

  /** Write a remote file atomically over SFTP with the given mode (e.g. 0o644). */
  async writeFile(targetInput: SshTargetInput, remotePath: string, data: string | Buffer, mode: number): Promise<void> {
    this.assertUsable();
    const lease = await this.pool.acquire(parseTarget(targetInput));
    try {
      await sftpWriteFile(lease.client, remotePath, data, mode, lease.isAlive);
    } finally {
      lease.release();
    }
  }

  /**
   * Upload selected local files into `remoteDir` over one SFTP session,
   * resumable (files already there with the same size and mtime are skipped)
   * and cancellable through `signal` — see sftp-upload-tree.ts.
   */
  async uploadTree(targetInput: SshTargetInput, input: UploadTreeInput, uploadOptions: UploadTreeOptions = {}): Promise<UploadTreeResult> {
    this.assertUsable();
    checkUploadInput(input);
    const lease = await this.pool.acquire(parseTarget(targetInput));
    try {
      return await sftpUploadTree(lease.client, input, uploadOptions, lease.isAlive);
    } finally {
      lease.release();
    }
  }

  /** Answer a `hostKeyPrompt`. Accepting pins the key in known_hosts. */
  answerHostKey(promptId: string, accept: boolean): void {
    this.prompts.answer(promptId, accept);
  }

  /**
   * Remove every pinned key of host:port — the only way past a
   * `ssh.hostKeyMismatch`. The next connect verifies from scratch.
   */
  forgetHost(host: string, port = 22): Promise<number> {
    return this.options.knownHosts.forget(host, port);
  }

  /** Flow-control figures of a session (for diagnostics and tests). */
  flowStats(sessionId: string): ShellFlowStats | undefined {
    return this.sessions.get(sessionId)?.flowStats();
  }

  /** Close every session and connection; cancel open host key questions. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const id of [...this.sessions.keys()]) this.close(id);
    this.prompts.cancelAll();
    this.pool.dispose();
  }

  private session(sessionId: string): ShellSession {
    const session = this.sessions.get(sessionId);
    if (!session) throw sshError('ssh.sessionNotFound', 'No such terminal session.', { sessionId });
    return session;
  }

  private assertUsable(): void {
    if (this.disposed) throw sshError('ssh.managerDisposed', 'SSH has been shut down.');
  }
}

function parseTarget(input: SshTargetInput): SshTarget {
  const parsed = sshTargetSchema.safeParse(input);
  if (!parsed.success) {
    throw sshError('ssh.invalidTarget', 'The server address, port, user or key is not valid.', {
      fields: parsed.error.issues.map((issue) => issue.path.join('.')).join(', '),
    });
  }
  return parsed.data;
}

function checkSize(size: TerminalSize): TerminalSize {
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 1000;
  if (!valid(size.cols) || !valid(size.rows)) {
    throw sshError('ssh.invalidTerminalSize', 'Terminal size must be whole numbers between 1 and 1000.');
  }
  return size;
}
