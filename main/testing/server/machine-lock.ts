/**
 * Port 80/443, /etc/nginx and /etc/letsencrypt belong to the whole machine:
 * the web-server/HTTPS integration test, the injection test, the e2e and the
 * benchmark take this lock so they never run over each other (also across
 * vitest workers and separate processes). A lock whose owner died is taken over.
 */
import { promises as fs } from 'node:fs';

const LOCK_DIR = '/tmp/onramp-server-machine.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function lockServerMachine(timeoutMs = 600_000): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fs.mkdir(LOCK_DIR);
      await fs.writeFile(`${LOCK_DIR}/pid`, String(process.pid));
      return async () => {
        await fs.rm(LOCK_DIR, { recursive: true, force: true });
      };
    } catch {
      const owner = Number.parseInt(await fs.readFile(`${LOCK_DIR}/pid`, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
        await fs.rm(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the server machine lock (${LOCK_DIR}) is held by pid ${owner}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
