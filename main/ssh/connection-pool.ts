/**
 * One ssh2 Client per (user, host, port, keyId), shared by every shell, exec
 * and SFTP call for that target — like OpenSSH ControlMaster. Each use is a
 * separate SSH channel (OpenSSH allows 10 per connection by default,
 * MaxSessions). Concurrent first uses share one connect (and so one host key
 * question). A connection with no users is closed after `idleMs`.
 * When a connection dies, every lease holder hears about it through `onLost`.
 */
import type { Client } from 'ssh2';
import { connectionKey, type SshTarget } from './ssh-target';

export interface ConnectionLease {
  readonly client: Client;
  isAlive(): boolean;
  /** Called once when the connection is gone (server, network, keepalive). Returns an unsubscribe. */
  onLost(listener: () => void): () => void;
  release(): void;
}

interface Entry {
  readonly key: string;
  readonly ready: Promise<Client>;
  client: Client | undefined;
  alive: boolean;
  refs: number;
  idleTimer: NodeJS.Timeout | undefined;
  readonly lostListeners: Set<() => void>;
}

export class ConnectionPool {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly connect: (target: SshTarget) => Promise<Client>,
    private readonly idleMs: number,
  ) {}

  /**
   * Lease the shared connection for `target`, connecting if needed. `fresh`
   * always opens a new one (used by reconnect: the old one may be silently
   * dead while keepalive has not noticed yet); other holders keep the old one.
   */
  async acquire(target: SshTarget, options: { fresh?: boolean } = {}): Promise<ConnectionLease> {
    const entry = this.entryFor(target, options.fresh === true);
    entry.refs += 1;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
    let client: Client;
    try {
      client = await entry.ready;
    } catch (error) {
      entry.refs -= 1;
      throw error;
    }
    let released = false;
    return {
      client,
      isAlive: () => entry.alive,
      onLost: (listener) => {
        entry.lostListeners.add(listener);
        return () => entry.lostListeners.delete(listener);
      },
      release: () => {
        if (released) return;
        released = true;
        this.release(entry);
      },
    };
  }

  /** Close every connection now. */
  dispose(): void {
    for (const entry of [...this.entries.values()]) this.drop(entry);
  }

  get size(): number {
    return this.entries.size;
  }

  private entryFor(target: SshTarget, fresh: boolean): Entry {
    const key = connectionKey(target);
    const existing = this.entries.get(key);
    if (existing?.alive && !fresh) return existing;
    const entry: Entry = {
      key,
      ready: this.connect(target),
      client: undefined,
      alive: true,
      refs: 0,
      idleTimer: undefined,
      lostListeners: new Set(),
    };
    this.entries.set(key, entry);
    entry.ready.then(
      (client) => this.watch(entry, client),
      () => this.forget(entry),
    );
    return entry;
  }

  private watch(entry: Entry, client: Client): void {
    entry.client = client;
    const lost = (): void => {
      if (!entry.alive) return;
      entry.alive = false;
      this.forget(entry);
      for (const listener of [...entry.lostListeners]) listener();
      entry.lostListeners.clear();
    };
    client.on('end', lost).on('close', lost).on('error', lost);
  }

  private release(entry: Entry): void {
    entry.refs = Math.max(0, entry.refs - 1);
    if (entry.refs > 0 || !entry.alive) return;
    entry.idleTimer = setTimeout(() => this.drop(entry), this.idleMs);
  }

  private drop(entry: Entry): void {
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
    this.forget(entry);
    entry.alive = false;
    entry.lostListeners.clear();
    entry.client?.end();
    if (!entry.client) void entry.ready.then((client) => client.end(), () => undefined);
  }

  private forget(entry: Entry): void {
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
  }
}
