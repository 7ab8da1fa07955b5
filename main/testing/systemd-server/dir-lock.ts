/**
 * A lock that is a directory holding its owner's pid: mkdir is atomic across
 * processes, and a lock whose owner died is taken over.
 */
import { promises as fs } from 'node:fs';

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the lock now, or resolves undefined when a live process holds it. */
export async function tryDirLock(dir: string, onStale?: (dir: string) => Promise<void>): Promise<(() => Promise<void>) | undefined> {
  for (;;) {
    try {
      await fs.mkdir(dir);
      await fs.writeFile(`${dir}/pid`, String(process.pid));
      return () => fs.rm(dir, { recursive: true, force: true });
    } catch {
      const owner = Number.parseInt(await fs.readFile(`${dir}/pid`, 'utf8').catch(() => ''), 10);
      // (no pid yet: the owner is between mkdir and writeFile; count it as held)
      if (!(Number.isInteger(owner) && owner > 0 && !alive(owner))) return undefined;
      await onStale?.(dir);
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}

export async function takeDirLock(dir: string, timeoutMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const unlock = await tryDirLock(dir);
    if (unlock) return unlock;
    if (Date.now() > deadline) throw new Error(`the lock ${dir} is still held after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
