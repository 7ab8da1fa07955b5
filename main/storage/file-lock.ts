/**
 * A cross-process lock for read-modify-write of a file in the data dir (two
 * app instances, or the test host beside the app). No native dependency:
 *
 * - Acquire: create `<target>.lock` with O_CREAT|O_EXCL (mode 0600) holding
 *   `{ pid, host, token, at }`. If it exists, wait (jittered) and try again.
 * - Stale: a lock whose process is gone (same host, `kill(pid, 0)` says
 *   ESRCH), one older than `staleMs` whatever its owner (covers pid reuse and
 *   other hosts), or an empty/torn one older than a few seconds (its writer
 *   died between create and write). Breaking one happens under a second
 *   O_EXCL file (`.lock.break`) and only if the lock still has the content
 *   that was judged stale, so two waiters never both break and both enter.
 * - Release removes the lock only if it still holds this holder's token.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';

export interface FileLockOptions {
  /** Give up waiting after this long (FileLockTimeout). Default 10 s. */
  timeoutMs?: number;
  /** A lock older than this is stale even if its pid seems alive. Default 60 s. */
  staleMs?: number;
}

export class FileLockTimeout extends Error {
  constructor(readonly lockPath: string) {
    super(`timed out waiting for ${lockPath}`);
    this.name = 'FileLockTimeout';
  }
}

interface LockContent {
  pid: number;
  host: string;
  token: string;
}

/** An empty or half-written lock file this old was left by a writer that died. */
const TORN_LOCK_MS = 5_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseContent(text: string): LockContent | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { pid, host, token } = value as Record<string, unknown>;
    return typeof pid === 'number' && typeof host === 'string' && typeof token === 'string' ? { pid, host, token } : null;
  } catch {
    return null;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, but not ours to signal
  }
}

async function readLock(lockPath: string): Promise<{ text: string; ageMs: number } | null> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    return { text, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isStale(lock: { text: string; ageMs: number }, staleMs: number): boolean {
  if (lock.ageMs > staleMs) return true;
  const content = parseContent(lock.text);
  if (!content) return lock.ageMs > TORN_LOCK_MS;
  return content.host === os.hostname() && !processAlive(content.pid);
}

async function createExclusive(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return true;
}

/** Removes a stale lock; true if the caller should try to acquire again at once. */
async function breakStaleLock(lockPath: string, staleMs: number): Promise<boolean> {
  const seen = await readLock(lockPath);
  if (!seen) return true;
  if (!isStale(seen, staleMs)) return false;
  const breaker = `${lockPath}.break`;
  if (!(await createExclusive(breaker, String(process.pid)))) {
    const other = await readLock(breaker);
    if (other && other.ageMs > TORN_LOCK_MS) await rm(breaker, { force: true }); // a breaker that died
    return false;
  }
  try {
    const now = await readLock(lockPath);
    if (now && now.text === seen.text && isStale(now, staleMs)) await rm(lockPath, { force: true });
    return true;
  } finally {
    await rm(breaker, { force: true });
  }
}

async function acquire(lockPath: string, options: FileLockOptions): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 60_000;
  const token = randomBytes(12).toString('hex');
  const text = JSON.stringify({ pid: process.pid, host: os.hostname(), token, at: new Date().toISOString() });
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (await createExclusive(lockPath, text)) return token;
    if (await breakStaleLock(lockPath, staleMs)) continue;
    if (Date.now() > deadline) throw new FileLockTimeout(lockPath);
    await sleep(Math.min(2 + attempt, 25) * (0.5 + Math.random()));
  }
}

async function release(lockPath: string, token: string): Promise<void> {
  const current = await readLock(lockPath).catch(() => null);
  if (current && parseContent(current.text)?.token === token) await rm(lockPath, { force: true });
}

/** Runs `task` while holding `lockPath` (created next to the file it guards). */
export async function withFileLock<T>(lockPath: string, task: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const token = await acquire(lockPath, options);
  try {
    return await task();
  } finally {
    await release(lockPath, token);
  }
}
