/**
 * `<dataDir>/known_hosts` in OpenSSH format: the app's host key pins.
 * Reads the file on every lookup (it is small, and a user may edit it), and
 * serialises writes, each one atomic (temp file, fsync, rename, fsync dir).
 * Lines we do not understand are preserved byte for byte.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { keyTypeOf, sha256Fingerprint } from './host-key-format';
import {
  entryMatchesHost,
  formatKnownHostsLine,
  hostPattern,
  parseKnownHostsLine,
  patternNamesHost,
} from './known-hosts-line';
import { sshError } from './ssh-errors';

export interface PinnedHostKey {
  readonly keyType: string;
  readonly key: Buffer;
  readonly fingerprint: string;
}

export interface HostPins {
  /** Keys trusted for this host. */
  readonly pinned: readonly PinnedHostKey[];
  /** Keys marked `@revoked` that apply to this host. */
  readonly revoked: readonly PinnedHostKey[];
}

export class KnownHosts {
  private writes: Promise<unknown> = Promise.resolve();
  private readonly pinListeners = new Set<() => void>();

  constructor(readonly filePath: string) {}

  /** Called after a key is newly pinned (the user trusted a host, or the EC2 console confirmed it). */
  onPinned(listener: () => void): () => void {
    this.pinListeners.add(listener);
    return () => {
      this.pinListeners.delete(listener);
    };
  }

  static inDataDir(dataDir: string): KnownHosts {
    return new KnownHosts(path.join(dataDir, 'known_hosts'));
  }

  async lookup(host: string, port: number): Promise<HostPins> {
    const pinned: PinnedHostKey[] = [];
    const revoked: PinnedHostKey[] = [];
    for (const line of await this.readLines()) {
      const entry = parseKnownHostsLine(line);
      if (!entry || entry.marker === '@cert-authority' || !entryMatchesHost(entry, host, port)) continue;
      const pin = { keyType: entry.keyType, key: entry.key, fingerprint: sha256Fingerprint(entry.key) };
      (entry.marker === '@revoked' ? revoked : pinned).push(pin);
    }
    return { pinned, revoked };
  }

  /** Add `host key` unless that exact key is already pinned for the host. */
  pin(host: string, port: number, key: Buffer): Promise<void> {
    return this.serialized(async () => {
      const keyType = keyTypeOf(key);
      if (!keyType) throw sshError('ssh.knownHostsWriteFailed', 'Refusing to pin a malformed host key.', { path: this.filePath });
      const lines = await this.readLines();
      const already = lines.some((line) => {
        const entry = parseKnownHostsLine(line);
        return entry !== null && entry.marker === null && entryMatchesHost(entry, host, port) && entry.key.equals(key);
      });
      if (already) return;
      lines.push(formatKnownHostsLine(hostPattern(host, port), keyType, key.toString('base64')));
      await this.writeLines(lines);
      for (const listener of this.pinListeners) listener();
    });
  }

  /**
   * Remove every pin naming exactly this host:port (plain or hashed). A line
   * listing several names keeps the others. Returns how many pins were removed.
   */
  forget(host: string, port: number): Promise<number> {
    return this.serialized(async () => {
      let removed = 0;
      const kept: string[] = [];
      for (const line of await this.readLines()) {
        const entry = parseKnownHostsLine(line);
        if (!entry || entry.marker !== null) {
          kept.push(line);
          continue;
        }
        const others = entry.patterns.filter((pattern) => !patternNamesHost(pattern, host, port));
        if (others.length === entry.patterns.length) kept.push(line);
        else {
          removed += 1;
          if (others.length > 0) kept.push(formatKnownHostsLine(others.join(','), entry.keyType, entry.keyBase64));
        }
      }
      if (removed > 0) await this.writeLines(kept);
      return removed;
    });
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const next = this.writes.then(task, task);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private async readLines(): Promise<string[]> {
    let text: string;
    try {
      text = await fs.readFile(this.filePath, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw sshError('ssh.knownHostsUnreadable', `Cannot read ${this.filePath}: ${errorCode(error) ?? 'unknown error'}`, {
        path: this.filePath,
      });
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  private async writeLines(lines: string[]): Promise<void> {
    const dir = path.dirname(this.filePath);
    const temp = path.join(dir, `.known_hosts.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const handle = await fs.open(temp, 'w', 0o600);
      try {
        await handle.writeFile(lines.length > 0 ? `${lines.join('\n')}\n` : '');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, this.filePath);
      await syncDirectory(dir);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw sshError('ssh.knownHostsWriteFailed', `Cannot write ${this.filePath}: ${errorCode(error) ?? 'unknown error'}`, {
        path: this.filePath,
      });
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on a directory; the rename is still atomic.
  } finally {
    await handle.close();
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
