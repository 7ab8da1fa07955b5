/**
 * Two Onramp processes on one data dir start the launch 0, 50, 100, 300 and 1000 ms apart, against one EC2 (the
 * stateful world served over HTTP to both). The guard in the journal (checked and recorded under setup.json's lock)
 * lets one launch run; the other is refused with op.runningElsewhere, or, once the first has finished, finds
 * everything by tag and makes nothing. Each time: one instance, one address, one key pair and one vault key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { Ec2World } from '../../testing/aws/ec2-world';
import { serveEc2World } from '../../testing/aws/ec2-world-wire';
import { InMemoryKeychain } from '../../vault/memory-keychain';
import { VaultService } from '../../vault/vault-service';

const CHILD = path.join(__dirname, '..', '..', 'testing', 'aws', 'launch-child.ts');
const REPO = path.resolve(__dirname, '..', '..', '..');
const PASSPHRASE = 'two windows, one launch';

const childEnv = (): NodeJS.ProcessEnv => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'AKIATESTTESTTESTTEST',
    AWS_SECRET_ACCESS_KEY: 'x'.repeat(40),
    AWS_CONFIG_FILE: '/nonexistent/onramp-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/onramp-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    ONRAMP_TEST_VAULT_PASSPHRASE: PASSPHRASE,
  };
};

interface Child {
  process: ChildProcess;
  next(): Promise<Record<string, unknown>>;
  stderr(): string;
}

function startChild(dataDir: string, worldUrl: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, worldUrl], { cwd: REPO, env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const queue: Record<string, unknown>[] = [];
  const waiting: ((line: Record<string, unknown>) => void)[] = [];
  const lines = child.stdout ? createInterface({ input: child.stdout }) : undefined;
  lines?.on('line', (text) => {
    if (!text.startsWith('{')) return;
    const value = JSON.parse(text) as Record<string, unknown>;
    const taker = waiting.shift();
    if (taker) taker(value);
    else queue.push(value);
  });
  child.once('exit', (code) => {
    for (const taker of waiting.splice(0)) taker({ exited: code, stderr: err.slice(-2000) });
  });
  return {
    process: child,
    next: () => {
      const ready = queue.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    stderr: () => err,
  };
}

const children: Child[] = [];
afterAll(() => {
  for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
});

describe('the launch started in two processes', () => {
  it.each([0, 50, 100, 300, 1000])('%i ms apart: one instance, one address, one key pair, one vault key', async (apart) => {
    const world = new Ec2World();
    const server = await serveEc2World(world);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onramp-two-launch-'));
    try {
      const vault = new VaultService({ dataDir, keychain: new InMemoryKeychain() });
      await vault.initWithPassphrase(PASSPHRASE);
      vault.dispose();

      const [a, b] = [startChild(dataDir, server.url), startChild(dataDir, server.url)];
      children.push(a, b);
      expect(await a.next(), a.stderr()).toEqual({ ready: true });
      expect(await b.next(), b.stderr()).toEqual({ ready: true });
      a.process.stdin?.write('go\n');
      await new Promise((resolve) => setTimeout(resolve, apart));
      b.process.stdin?.write('go\n');
      const ends = [await a.next(), await b.next()];

      const succeeded = ends.filter((end) => (end['outcome'] as { status?: string } | undefined)?.status === 'succeeded');
      const refused = ends.filter((end) => end['refused'] === 'op.runningElsewhere');
      expect(succeeded.length, JSON.stringify(ends)).toBeGreaterThanOrEqual(1);
      expect(succeeded.length + refused.length, JSON.stringify(ends)).toBe(2);

      expect(world.liveInstances()).toHaveLength(1);
      expect(world.addresses.size).toBe(1);
      expect(world.keyPairs.size).toBe(1);
      expect(world.groups.size).toBe(1);
      const reader = new VaultService({ dataDir, keychain: new InMemoryKeychain() });
      await reader.unlockWithPassphrase(PASSPHRASE);
      expect(reader.list().filter((item) => item.kind === 'ssh-key').map((item) => item.label)).toEqual(['blog-key']);
      reader.dispose();
    } finally {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('the first process is killed mid-launch: the second takes over its record and finishes with one of each', async () => {
    const world = new Ec2World();
    const server = await serveEc2World(world);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onramp-two-launch-'));
    try {
      const vault = new VaultService({ dataDir, keychain: new InMemoryKeychain() });
      await vault.initWithPassphrase(PASSPHRASE);
      vault.dispose();
      const [a, b] = [startChild(dataDir, server.url), startChild(dataDir, server.url)];
      children.push(a, b);
      expect(await a.next(), a.stderr()).toEqual({ ready: true });
      expect(await b.next(), b.stderr()).toEqual({ ready: true });
      a.process.stdin?.write('go\n');
      // AWS has made the instance; the app dies before it hears back (its record stays in setup.json, its pid is gone).
      while (!world.calls.includes('RunInstances')) await new Promise((resolve) => setTimeout(resolve, 5));
      a.process.kill('SIGKILL');
      await new Promise((resolve) => a.process.once('exit', resolve));
      b.process.stdin?.write('go\n');
      const end = await b.next();
      expect((end['outcome'] as { status?: string } | undefined)?.status, JSON.stringify(end)).toBe('succeeded');
      expect([world.liveInstances().length, world.addresses.size, world.keyPairs.size, world.groups.size]).toEqual([1, 1, 1, 1]);
      const reader = new VaultService({ dataDir, keychain: new InMemoryKeychain() });
      await reader.unlockWithPassphrase(PASSPHRASE);
      expect(reader.list().filter((item) => item.kind === 'ssh-key')).toHaveLength(1);
      reader.dispose();
    } finally {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

