/**
 * Two processes on one data dir never lose an update: two child processes
 * add 100 items each, at the same time, to the same vault (each add is its
 * own read-modify-write of vault.json); afterwards all 200 are there. A
 * long-running process that opened the vault before sees them too, and its
 * own next change keeps them. Passphrase mode, so no keyring is needed.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../testing/child-process';
import { InMemoryKeychain } from './memory-keychain';
import { VaultService } from './vault-service';

const CHILD = path.join(__dirname, '..', 'testing', 'vault', 'vault-child.ts');
const REPO = path.resolve(__dirname, '..', '..');
const PASSPHRASE = 'two processes, one vault';
const PER_CHILD = 100;

async function addMany(dataDir: string, tag: string): Promise<unknown> {
  const env = { ...process.env, ONRAMP_TEST_VAULT_PASSPHRASE: PASSPHRASE };
  const out = await run(process.execPath, ['--import', 'tsx', CHILD, 'add-many', dataDir, tag, String(PER_CHILD)], { env, cwd: REPO });
  const line = out.stdout.trim().split('\n').pop() ?? '';
  return line.startsWith('{') ? JSON.parse(line) : { exit: out.code, stderr: out.stderr.slice(-2000) };
}

describe('two processes on one data dir', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'onramp-two-process-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('each adds 100 items concurrently: all 200 are there, and a running app sees them and keeps them', async () => {
    const app = new VaultService({ dataDir, keychain: new InMemoryKeychain() });
    await app.initWithPassphrase(PASSPHRASE);
    let announced = 0;
    app.onChange(() => void announced++);

    const results = await Promise.all([addMany(dataDir, 'A'), addMany(dataDir, 'B')]);
    expect(results).toEqual([{ added: PER_CHILD }, { added: PER_CHILD }]);

    const fresh = new VaultService({ dataDir, keychain: new InMemoryKeychain() });
    await fresh.unlockWithPassphrase(PASSPHRASE);
    const labels = fresh.list().map((meta) => meta.label);
    expect(labels).toHaveLength(2 * PER_CHILD);
    for (const tag of ['A', 'B']) {
      for (let i = 0; i < PER_CHILD; i++) expect(labels).toContain(`${tag}-${i}`);
    }
    expect(fresh.damaged()).toEqual([]);

    // The app opened the vault before the children wrote: listing after a refresh shows their items.
    expect(app.list()).toHaveLength(0);
    expect(await app.refresh()).toBe(true);
    expect(app.list()).toHaveLength(2 * PER_CHILD);
    expect(announced).toBeGreaterThan(0);

    // Its own next change starts from the file as it is on disk, not from a stale view.
    const other = new VaultService({ dataDir, keychain: new InMemoryKeychain() });
    await other.unlockWithPassphrase(PASSPHRASE);
    await other.add('console-login', { userName: 'carol', password: 'pw-carol-1', signInUrl: 'https://example.signin.aws.amazon.com/console' }, { label: 'carol' });
    await app.add('console-login', { userName: 'dave', password: 'pw-dave-1', signInUrl: 'https://example.signin.aws.amazon.com/console' }, { label: 'dave' });
    const last = new VaultService({ dataDir, keychain: new InMemoryKeychain() });
    await last.unlockWithPassphrase(PASSPHRASE);
    expect(last.list().map((meta) => meta.label)).toEqual(expect.arrayContaining(['carol', 'dave', 'A-0', 'B-99']));
    expect(last.list()).toHaveLength(2 * PER_CHILD + 2);
    expect(await readdir(dataDir)).not.toContain('vault.json.lock');
  }, 240_000);
});
