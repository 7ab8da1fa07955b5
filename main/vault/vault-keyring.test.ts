/**
 * The vault against a REAL gnome-keyring on a private D-Bus (no mocks), plus
 * separate processes: another process reads the same vault with the same
 * keychain; a process killed between temp write and rename; processes that
 * have no keychain at all.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../testing/child-process';
import { startKeyring, type KeyringFixture } from '../testing/keyring-fixture';
import { createKeytarKeychain } from './keychain';
import { KEYCHAIN_ACCOUNT, KEYCHAIN_SERVICE } from './master-key';
import { ACCESS_KEY, CONSOLE_LOGIN, rejection } from '../testing/vault/vault-fixtures';
import { VaultService } from './vault-service';

const CHILD = path.join(__dirname, '..', 'testing', 'vault', 'vault-child.ts');
const REPO = path.resolve(__dirname, '..', '..');

interface ChildResult {
  status?: { mode: string; locked: boolean; itemCount?: number; keychainError?: string; keychainReason?: string };
  items?: Array<{ label: string; kind: string; secretSha256: string }>;
  error?: { code: string; params?: Record<string, string>; message: string };
  crash?: string;
}

async function child(command: string, dataDir: string, env: NodeJS.ProcessEnv): Promise<{ code: number; result: ChildResult | null }> {
  const out = await run(process.execPath, ['--import', 'tsx', CHILD, command, dataDir], { env, cwd: REPO });
  const line = out.stdout.trim().split('\n').pop() ?? '';
  return { code: out.code, result: line.startsWith('{') ? (JSON.parse(line) as ChildResult) : null };
}

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('vault with the real keychain (gnome-keyring)', () => {
  let keyring: KeyringFixture;
  let root: string;
  beforeAll(async () => {
    keyring = await startKeyring();
    root = await mkdtemp(path.join(os.tmpdir(), 'onramp-vault-keyring-'));
  });
  afterAll(async () => {
    await keyring?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('stores only the master key in the keychain, and a NEW process reads the same items', async () => {
    const dataDir = path.join(root, 'shared');
    const vault = new VaultService({ dataDir, keychain: createKeytarKeychain() });
    expect(await vault.status()).toEqual({ mode: 'uninitialized', locked: true });
    await vault.initWithKeychain();
    await vault.add('aws-access-key', ACCESS_KEY, { label: 'deploy' });
    await vault.add('console-login', CONSOLE_LOGIN, { label: 'alice' });
    const stored = await createKeytarKeychain().getPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT);
    expect(Buffer.from(stored ?? '', 'base64')).toHaveLength(32);

    const { result } = await child('read', dataDir, keyring.env);
    expect(result?.status).toEqual({ mode: 'keychain', locked: false, itemCount: 2 });
    expect(result?.items).toEqual([
      { label: 'deploy', kind: 'aws-access-key', secretSha256: sha256(ACCESS_KEY) },
      { label: 'alice', kind: 'console-login', secretSha256: sha256(CONSOLE_LOGIN) },
    ]);
  });

  it('a process killed between temp write and rename leaves the previous vault intact', async () => {
    const dataDir = path.join(root, 'shared');
    const before = await readFile(path.join(dataDir, 'vault.json'));
    const killed = await child('crash-add', dataDir, keyring.env);
    expect(killed.result).toBeNull(); // SIGKILL: it printed nothing
    expect((await readdir(dataDir)).some((name) => name.endsWith('.tmp'))).toBe(true); // the orphaned temp file
    expect(await readFile(path.join(dataDir, 'vault.json'))).toEqual(before);
    const { result } = await child('read', dataDir, keyring.env);
    expect(result?.items?.map((item) => item.label)).toEqual(['deploy', 'alice']);
  });

  it('a replaced master key gives vault.wrongKey and changes nothing', async () => {
    const dataDir = path.join(root, 'shared');
    const keychain = createKeytarKeychain();
    const original = await keychain.getPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT);
    const before = await readFile(path.join(dataDir, 'vault.json'));
    const other = Buffer.alloc(32, 9).toString('base64');
    await keychain.setPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT, other);
    try {
      const error = await rejection(new VaultService({ dataDir, keychain }).open());
      expect(error.code).toBe('vault.wrongKey');
      expect(JSON.stringify([error.message, error.params])).not.toContain(other);
      expect(await readFile(path.join(dataDir, 'vault.json'))).toEqual(before);
      expect(await keychain.getPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT)).toBe(other);
    } finally {
      await keychain.setPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT, original ?? '');
    }
    expect((await child('read', dataDir, keyring.env)).result?.status?.locked).toBe(false);
  });

  it('passphrase mode next to a working keychain touches only its file', async () => {
    const dataDir = path.join(root, 'passphrase');
    const vault = new VaultService({ dataDir, keychain: createKeytarKeychain() });
    await vault.initWithPassphrase('correct horse battery');
    await vault.add('aws-access-key', ACCESS_KEY, { label: 'pp' });
    const again = new VaultService({ dataDir, keychain: createKeytarKeychain() });
    expect(await again.open()).toEqual({ mode: 'passphrase', locked: true });
    await again.unlockWithPassphrase('correct horse battery');
    expect(await again.getSecretOf(again.list()[0]?.id ?? '', 'aws-access-key')).toEqual(ACCESS_KEY);
  });

  it('no D-Bus session at all -> vault.keychainUnavailable (noDbus)', async () => {
    const env = { ...keyring.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const status = await child('status', path.join(root, 'none'), env);
    expect(status.result?.status).toEqual({ mode: 'uninitialized', locked: true, keychainError: 'vault.keychainUnavailable', keychainReason: 'noDbus' });
    const open = await child('open', path.join(root, 'shared'), env);
    expect(open.result?.error?.code).toBe('vault.keychainUnavailable');
    expect(open.result?.error?.params).toEqual({ reason: 'noDbus' });
    expect(open.result?.error?.message).toMatch(/gnome-keyring.*KeePassXC/);
  });

  it('a bus without any Secret Service -> vault.keychainUnavailable (noSecretService)', async () => {
    const bare = await startKeyring({ secretService: false, setProcessEnv: false });
    try {
      const init = await child('init', path.join(root, 'bare'), bare.env);
      expect(init.result?.error).toMatchObject({ code: 'vault.keychainUnavailable', params: { reason: 'noSecretService' } });
      const dir = await readdir(path.join(root)).catch(() => []);
      expect(dir).not.toContain('bare'); // nothing written
    } finally {
      await bare.stop();
    }
  });

  it('a keyring daemon with no unlocked collection -> vault.keychainUnavailable (locked), nothing written', async () => {
    const locked = await startKeyring({ unlock: false, setProcessEnv: false });
    try {
      const init = await child('init', path.join(root, 'locked'), locked.env);
      expect(init.result?.error).toMatchObject({ code: 'vault.keychainUnavailable', params: { reason: 'locked' } });
      expect(await readdir(root)).not.toContain('locked');
    } finally {
      await locked.stop();
    }
  });
});
