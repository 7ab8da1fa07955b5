/** The cross-process lock: mutual exclusion, stale locks of dead processes, torn locks, timeouts. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileLockTimeout, withFileLock } from './file-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onramp-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('withFileLock', () => {
  it('lets one holder in at a time and leaves no lock file behind', async () => {
    const lock = path.join(dir, 'data.json.lock');
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withFileLock(lock, async () => {
          inside++;
          most = Math.max(most, inside);
          await sleep(2);
          order.push(i);
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toHaveLength(20);
    expect(await readdir(dir)).toEqual([]);
  });

  it('breaks a lock whose process is gone', async () => {
    const lock = path.join(dir, 'data.json.lock');
    await writeFile(lock, JSON.stringify({ pid: deadPid(), host: os.hostname(), token: 'old' }));
    expect(await withFileLock(lock, async () => 'entered', { timeoutMs: 2000 })).toBe('entered');
  });

  it('breaks an empty lock left by a writer that died between create and write, once it is old', async () => {
    const lock = path.join(dir, 'data.json.lock');
    await writeFile(lock, '');
    const old = new Date(Date.now() - 10_000);
    await utimes(lock, old, old);
    expect(await withFileLock(lock, async () => 'entered', { timeoutMs: 2000 })).toBe('entered');
  });

  it('waits for a live holder and gives up with FileLockTimeout', async () => {
    const lock = path.join(dir, 'data.json.lock');
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'someone-else' }));
    await expect(withFileLock(lock, async () => 'entered', { timeoutMs: 200 })).rejects.toBeInstanceOf(FileLockTimeout);
    // Release never removes a lock it does not own.
    expect(await readdir(dir)).toEqual(['data.json.lock']);
  });

  it('treats a lock older than staleMs as stale even if its pid is alive (pid reuse)', async () => {
    const lock = path.join(dir, 'data.json.lock');
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'ancient' }));
    const old = new Date(Date.now() - 120_000);
    await utimes(lock, old, old);
    expect(await withFileLock(lock, async () => 'entered', { timeoutMs: 2000 })).toBe('entered');
  });
});
