/**
 * The machine as the web-server and HTTPS steps leave it: this fixture saves
 * /etc/nginx/sites-{available,enabled} and /etc/letsencrypt before a test and
 * puts them back after, stops every nginx the test started (the steps start
 * it with `sudo nginx`, so its master's pid is in /run/nginx.pid), and removes
 * certbot's work and log dirs when they did not exist before.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../child-process';

const SAVED = ['/etc/nginx/sites-available', '/etc/nginx/sites-enabled', '/etc/letsencrypt', '/var/lib/letsencrypt', '/var/log/letsencrypt', '/etc/onramp'];

export interface MachineState {
  restore(): Promise<void>;
}

export async function saveMachineState(): Promise<MachineState> {
  await stopNginx();
  const backup = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-machine-'));
  const existed = new Map<string, boolean>();
  for (const dir of SAVED) {
    const present = await fs.stat(dir).then(() => true, () => false);
    existed.set(dir, present);
    if (present) await copy(dir, path.join(backup, encode(dir)));
  }
  return {
    async restore() {
      await stopNginx();
      for (const dir of SAVED) {
        await fs.rm(dir, { recursive: true, force: true });
        if (existed.get(dir)) await copy(path.join(backup, encode(dir)), dir);
      }
      await fs.rm(backup, { recursive: true, force: true });
    },
  };
}

function encode(dir: string): string {
  return dir.replace(/\//g, '_');
}

async function copy(from: string, to: string): Promise<void> {
  const result = await run('cp', ['-a', from, to]);
  if (result.code !== 0) throw new Error(`cp -a ${from} ${to}: ${result.stderr}`);
}

/** Stops the system nginx (pid file /run/nginx.pid) and waits for it to go. */
export async function stopNginx(): Promise<void> {
  const pid = Number.parseInt(await fs.readFile('/run/nginx.pid', 'utf8').catch(() => ''), 10);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    await fs.rm('/run/nginx.pid', { force: true });
    return;
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}
