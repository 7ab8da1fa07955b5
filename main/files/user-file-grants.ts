/**
 * Files the user chose, as one-time tokens. Main reads only a file the user
 * picked: its own open dialog, a file dropped on the window (the preload turns
 * it into a path with webUtils.getPathForFile and registers it here over a
 * preload-only IPC channel) or, in the test host, the bytes of a file picked
 * in the page's file input. The renderer gets an opaque token, never a path it
 * could forge: `vault.import` takes the token, which works once and expires.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Result } from '../../common/contract/result';
import { contractError } from '../../common/errors';

export type UserFile = { kind: 'path'; path: string } | { kind: 'bytes'; name: string; bytes: Buffer };

const TTL_MS = 2 * 60_000;
const MAX_GRANTS = 16;

export class UserFileGrants {
  private readonly grants = new Map<string, { file: UserFile; expiresAt: number }>();

  constructor(private readonly options: { ttlMs?: number; now?: () => number } = {}) {}

  /** A token for a file the user chose; the oldest grant goes when too many wait. */
  grant(file: UserFile): string {
    this.sweep();
    while (this.grants.size >= MAX_GRANTS) this.forget(this.grants.keys().next().value ?? '');
    const token = randomBytes(24).toString('base64url');
    this.grants.set(token, { file, expiresAt: this.now() + (this.options.ttlMs ?? TTL_MS) });
    return token;
  }

  /** The file behind a token, once: a second take, an unknown or an expired token gives undefined. */
  take(token: string): UserFile | undefined {
    this.sweep();
    const entry = this.grants.get(token);
    if (!entry) return undefined;
    this.grants.delete(token);
    return entry.file;
  }

  dispose(): void {
    for (const token of [...this.grants.keys()]) this.forget(token);
  }

  private forget(token: string): void {
    const entry = this.grants.get(token);
    if (entry?.file.kind === 'bytes') entry.file.bytes.fill(0);
    this.grants.delete(token);
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.grants) if (entry.expiresAt <= now) this.forget(token);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

const MAX_PATH = 4096;

/**
 * Main's side of the preload-only channel for dropped files: the path must be
 * an absolute path string (webUtils.getPathForFile gives nothing else); the
 * file itself is read, and checked, only when `vault.import` takes the token.
 */
export function grantDroppedFile(grants: UserFileGrants, filePath: unknown): Result<{ token: string }> {
  if (typeof filePath !== 'string' || filePath.length === 0 || filePath.length > MAX_PATH || filePath.includes('\0') || !path.isAbsolute(filePath)) {
    return { ok: false, error: contractError('contract.invalidRequest', 'Invalid request for a dropped file', { channel: 'files.grantDropped', issues: 'path: invalid' }) };
  }
  return { ok: true, value: { token: grants.grant({ kind: 'path', path: filePath }) } };
}
