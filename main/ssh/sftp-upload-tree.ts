/**
 * Upload a local folder's selected files into a remote folder over ONE SFTP
 * session on the shared connection.
 *
 * - Folders are created as needed (mkdir -p); the ones we create get 0755.
 * - Eight files at a time; each is written to `<name>.onramp-part` with up to
 *   32 WRITE requests of 32 KiB in flight (memory: at most 8 MiB), then given
 *   its mode (file mode & 0755: exec bits kept, never setuid) and the local
 *   mtime in one SETSTAT, then renamed over `<name>` (posix-rename). A
 *   half-sent file never carries the final name.
 * - Resume: every target folder is listed first (READDIR, eight at a time); a
 *   file whose remote size AND mtime (whole seconds) equal the local ones is
 *   skipped. A second call after an interruption sends only what is missing.
 * - Cancel: `signal` stops between chunks; the `.onramp-part` stays and is
 *   overwritten next time. The promise rejects with `signal.reason`.
 * - Progress counts the whole tree: bytes already on the server count as done
 *   once the listing is read. At most one call per `progressIntervalMs`
 *   (100 ms) plus a final one with `sentBytes === totalBytes`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Client, SFTPWrapper, Stats } from 'ssh2';
import { closedError, sshError } from './ssh-errors';

export interface UploadTreeFile {
  /** Relative to `localRoot` and `remoteDir`, with `/` separators. */
  readonly path: string;
  readonly size: number;
  readonly mode: number;
}

export interface UploadTreeInput {
  readonly localRoot: string;
  readonly files: readonly UploadTreeFile[];
  /** Absolute remote folder (created if missing). */
  readonly remoteDir: string;
}

export interface UploadTreeOptions {
  readonly signal?: AbortSignal;
  /** `sentBytes` includes bytes found already on the server; `file` is the relative path being sent. */
  readonly onProgress?: (sentBytes: number, totalBytes: number, file: string) => void;
  /** Minimum time between progress calls (default 100 ms). */
  readonly progressIntervalMs?: number;
}

export interface UploadTreeResult {
  /** Files written by this call. */
  readonly sentFiles: number;
  /** Bytes written by this call. */
  readonly sentBytes: number;
  /** Files already on the server with the same size and mtime. */
  readonly skippedFiles: number;
}

export const PART_SUFFIX = '.onramp-part';
const CHUNK_BYTES = 32 * 1024;
const WRITES_IN_FLIGHT = 32;
const FILES_IN_FLIGHT = 8;
const FOLDERS_IN_FLIGHT = 8;
const SFTP_NO_SUCH_FILE = 2;

interface LocalFile {
  readonly relative: string;
  readonly local: string;
  readonly remote: string;
  readonly size: number;
  readonly mode: number;
  /** Whole seconds, as SFTP v3 carries it. */
  readonly mtime: number;
}

type Fail = (step: string, remotePath: string, error: unknown) => Error;

/** Refuse absolute paths, `..`/`.`/empty segments, backslashes and NUL. */
export function checkRelativePath(relative: string): void {
  const bad =
    relative.length === 0 ||
    relative.startsWith('/') ||
    relative.includes('\\') ||
    relative.includes('\0') ||
    relative.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
  if (bad) throw sshError('ssh.uploadPathInvalid', `Refusing to upload to the unsafe path ${JSON.stringify(relative)}.`, { path: relative });
}

function checkRemoteDir(remoteDir: string): string {
  const normalized = path.posix.normalize(remoteDir);
  if (!path.posix.isAbsolute(remoteDir) || remoteDir.includes('\0') || remoteDir.includes('\\') || normalized.split('/').includes('..')) {
    throw sshError('ssh.uploadPathInvalid', `The remote folder must be an absolute path, got ${JSON.stringify(remoteDir)}.`, { path: remoteDir });
  }
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

/** Validates every path (before any connection is made); returns the normalized remote folder. */
export function checkUploadInput(input: UploadTreeInput): string {
  for (const file of input.files) checkRelativePath(file.path);
  return checkRemoteDir(input.remoteDir);
}

export async function sftpUploadTree(client: Client, input: UploadTreeInput, options: UploadTreeOptions, isAlive: () => boolean): Promise<UploadTreeResult> {
  const remoteDir = checkUploadInput(input);
  const signal = options.signal;
  signal?.throwIfAborted();
  const fail: Fail = (step, remotePath, error) =>
    isAlive()
      ? sshError('ssh.sftpFailed', `SFTP ${step} failed for ${remotePath}: ${error instanceof Error ? error.message : String(error)}`, { path: remotePath })
      : closedError('ssh.connectionLost');

  const files = await statLocal(input.localRoot, input.files, remoteDir);
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
    client.sftp((error, wrapper) => (error ? reject(fail('start', remoteDir, error)) : resolve(wrapper)));
  });
  const call = guardedCalls(sftp, isAlive);
  try {
    const remote = await listAndCreateFolders(call, remoteDir, files, fail, signal);
    const pending = files.filter((file) => {
      const found = remote.get(file.remote);
      return !(found && found.isFile() && found.size === file.size && found.mtime === file.mtime);
    });
    const progress = throttledProgress(options, totalBytes, totalBytes - pending.reduce((sum, file) => sum + file.size, 0));
    let sentBytes = 0;
    try {
      await inParallel(pending, FILES_IN_FLIGHT, async (file) => {
        signal?.throwIfAborted();
        await sendFile(call, file, fail, signal, (bytes) => {
          sentBytes += bytes;
          progress.add(bytes, file.relative);
        });
      });
    } catch (error) {
      throw signal?.aborted ? signal.reason : error;
    }
    progress.final();
    return { sentFiles: pending.length, sentBytes, skippedFiles: files.length - pending.length };
  } finally {
    sftp.end();
  }
}

async function statLocal(localRoot: string, files: readonly UploadTreeFile[], remoteDir: string): Promise<LocalFile[]> {
  const out: LocalFile[] = [];
  for (const file of files) {
    const local = path.join(localRoot, ...file.path.split('/'));
    // lstat: a symlink is refused, never followed out of the folder.
    const stat = await fs.lstat(local).catch(() => undefined);
    if (!stat?.isFile()) throw sshError('ssh.uploadReadFailed', `Cannot read ${local}.`, { path: file.path });
    out.push({
      relative: file.path,
      local,
      remote: `${remoteDir === '/' ? '' : remoteDir}/${file.path}`,
      size: stat.size,
      mode: file.mode & 0o755,
      mtime: Math.floor(stat.mtimeMs / 1000),
    });
  }
  return out;
}

/**
 * Runs `task` over `items`, `limit` at a time. After the first failure no new
 * item starts; it rejects with that failure once the running ones settle.
 */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      try {
        await task(item);
      } catch (error) {
        queue.length = 0;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(limit, queue.length) }, worker));
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

type Done<T> = (error: Error | null | undefined, value?: T) => void;
/** One SFTP request as a promise. */
type Call = <T>(run: (sftp: SFTPWrapper, done: Done<T>) => void) => Promise<T>;

/**
 * ssh2 answers the requests pending when the channel ends with an error, but
 * a request made after that is buffered and never answered: refuse it.
 */
function guardedCalls(sftp: SFTPWrapper, isAlive: () => boolean): Call {
  let ended = false;
  const end = () => void (ended = true);
  sftp.once('end', end).once('close', end);
  return <T>(run: (wrapper: SFTPWrapper, done: Done<T>) => void) =>
    new Promise<T>((resolve, reject) => {
      if (ended || !isAlive()) return reject(new Error('the SFTP session has ended'));
      run(sftp, (error, value) => (error ? reject(error) : resolve(value as T)));
    });
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === SFTP_NO_SUCH_FILE;
}

/**
 * Reads every target folder (parents first) and creates the missing ones.
 * Returns remote path → attributes for every entry found.
 */
async function listAndCreateFolders(
  call: Call,
  remoteDir: string,
  files: readonly LocalFile[],
  fail: Fail,
  signal: AbortSignal | undefined,
): Promise<Map<string, Stats>> {
  const folders = new Set<string>([remoteDir]);
  for (const file of files) {
    for (let dir = path.posix.dirname(file.remote); dir.length > remoteDir.length; dir = path.posix.dirname(dir)) folders.add(dir);
  }
  const byDepth = new Map<number, string[]>();
  for (const dir of folders) {
    const depth = dir.split('/').length;
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), dir]);
  }
  const found = new Map<string, Stats>();
  const missing = new Set<string>();
  const visit = async (dir: string): Promise<void> => {
    signal?.throwIfAborted();
    const parentMissing = dir !== remoteDir && missing.has(path.posix.dirname(dir));
    if (!parentMissing) {
      try {
        const entries = await call<{ filename: string; attrs: Stats }[]>((sftp, done) => sftp.readdir(dir, done));
        for (const entry of entries) found.set(`${dir === '/' ? '' : dir}/${entry.filename}`, entry.attrs);
        return;
      } catch (error) {
        if (!isMissing(error)) throw fail('readdir', dir, error);
      }
    }
    if (dir === remoteDir) await ensureParents(call, remoteDir, fail);
    await makeFolder(call, dir, fail);
    missing.add(dir);
  };
  // Level by level (a folder's parent is settled first), several requests in flight.
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    await inParallel(byDepth.get(depth) ?? [], FOLDERS_IN_FLIGHT, visit);
  }
  return found;
}

/** mkdir -p for the remote folder's parents; existing ones are left as they are. */
async function ensureParents(call: Call, remoteDir: string, fail: Fail): Promise<void> {
  const parts = remoteDir.split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const dir = `/${parts.slice(0, i).join('/')}`;
    const stat = await call<Stats>((sftp, done) => sftp.stat(dir, done)).catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw fail('stat', dir, error);
    });
    if (stat?.isDirectory()) continue;
    if (stat) throw fail('mkdir', dir, new Error('not a folder'));
    await makeFolder(call, dir, fail);
  }
}

async function makeFolder(call: Call, dir: string, fail: Fail): Promise<void> {
  try {
    await call<void>((sftp, done) => sftp.mkdir(dir, { mode: 0o755 }, done));
    // The server's umask applied at create.
    await call<void>((sftp, done) => sftp.chmod(dir, 0o755, done));
  } catch (error) {
    throw fail('mkdir', dir, error);
  }
}

/** Write `<remote>.onramp-part` chunk by chunk, set mode and mtime, rename over `<remote>`. */
async function sendFile(call: Call, file: LocalFile, fail: Fail, signal: AbortSignal | undefined, sent: (bytes: number) => void): Promise<void> {
  const part = `${file.remote}${PART_SUFFIX}`;
  let local: fs.FileHandle;
  try {
    local = await fs.open(file.local, 'r');
  } catch {
    throw sshError('ssh.uploadReadFailed', `Cannot read ${file.local}.`, { path: file.relative });
  }
  try {
    const handle = await call<Buffer>((sftp, done) => sftp.open(part, 'w', file.mode, done)).catch((error: unknown) => {
      throw fail('open', part, error);
    });
    let failure: unknown;
    try {
      const inFlight = new Set<Promise<void>>();
      for (let position = 0; position < file.size && failure === undefined && !signal?.aborted; ) {
        const length = Math.min(CHUNK_BYTES, file.size - position);
        const buffer = Buffer.allocUnsafe(length);
        const { bytesRead } = await local.read(buffer, 0, length, position).catch(() => {
          throw sshError('ssh.uploadReadFailed', `Cannot read ${file.local}.`, { path: file.relative });
        });
        if (bytesRead === 0) break; // the file shrank meanwhile: its size differs next time, so it is sent again
        const at = position;
        const write = call<void>((sftp, done) => sftp.write(handle, buffer, 0, bytesRead, at, done)).then(
          () => sent(bytesRead),
          (error: unknown) => void (failure ??= error),
        );
        inFlight.add(write);
        void write.then(() => inFlight.delete(write));
        position += bytesRead;
        if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    } finally {
      await call<void>((sftp, done) => sftp.close(handle, done)).catch((error: unknown) => void (failure ??= error));
    }
    if (failure !== undefined) throw fail('write', part, failure);
    signal?.throwIfAborted();
    // One SETSTAT: the umask applied at open, and the mtime marks the file complete for a later resume.
    await call<void>((sftp, done) => sftp.setstat(part, { mode: file.mode, atime: file.mtime, mtime: file.mtime }, done)).catch((error: unknown) => {
      throw fail('setstat', part, error);
    });
    await call<void>((sftp, done) => sftp.ext_openssh_rename(part, file.remote, done)).catch((error: unknown) => {
      throw fail('rename', file.remote, error);
    });
  } finally {
    await local.close();
  }
}

function throttledProgress(options: UploadTreeOptions, totalBytes: number, alreadyThere: number) {
  const interval = options.progressIntervalMs ?? 100;
  let done = alreadyThere;
  let last = -Infinity;
  return {
    add(bytes: number, file: string) {
      done += bytes;
      const now = performance.now();
      if (now - last < interval) return;
      last = now;
      options.onProgress?.(done, totalBytes, file);
    },
    final() {
      options.onProgress?.(done, totalBytes, '');
    },
  };
}
