/**
 * Replace a file so that a crash at any moment leaves either the old or the new
 * content, never a mix: write a temp file created with mode 0600 in the same
 * directory, fsync it, rename it over the target, fsync the directory.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteHooks {
  /** Test seam: runs after the temp file is complete and synced, just before the rename. */
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

export const TEMP_SUFFIX = '.tmp';

export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(target: string, data: string | Buffer, hooks: AtomicWriteHooks = {}): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const tempPath = tempPathFor(target);
  const handle = await open(tempPath, 'wx', 0o600); // mode applies at creation: never readable by others
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await hooks.beforeRename?.(tempPath);
    await rename(tempPath, target);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await fsyncDirectory(path.dirname(target));
}

/** Reads a JSON file; `undefined` when it does not exist. */
export async function readJsonFile(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
