import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { utils as ssh2Utils } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { run } from '../testing/child-process';
import { exportAccessKeyCsv, exportConsoleLoginCsv, exportSshKey, sshPrivateKeyText } from './export';
import { parseImportFile } from './import/import-file';
import { InMemoryKeychain } from './memory-keychain';
import { parsePrivateKey } from './ssh/private-key';
import { fingerprintOfPublicKeyFile, sshKeygenPublicKey } from '../testing/vault/ssh-keygen';
import { ACCESS_KEY, CONSOLE_LOGIN, FIXTURE_KEYS, rejection, withTempDir } from '../testing/vault/vault-fixtures';
import { secretStoreOf } from './secret-store';
import { VaultService } from './vault-service';

const HAS_PUTTYGEN = ['/usr/bin/puttygen', '/usr/local/bin/puttygen'].some((p) => existsSync(p));

async function vaultWith(dir: string, fixtureName: string, passphrase?: string) {
  const vault = new VaultService({ dataDir: path.join(dir, 'data'), keychain: new InMemoryKeychain() });
  await vault.initWithKeychain();
  const { drafts } = parseImportFile(readFileSync(path.join(FIXTURE_KEYS, fixtureName)), fixtureName, { passphrase });
  const [meta] = await vault.addMany(drafts);
  if (meta?.kind !== 'ssh-key') throw new Error('no ssh key');
  return { vault, meta };
}

const SOURCES: Array<[string, string | undefined, string]> = [
  ['rsa-pem.pem', undefined, '-----BEGIN RSA PRIVATE KEY-----'],
  ['ed25519-openssh', undefined, '-----BEGIN OPENSSH PRIVATE KEY-----'],
  ['ecdsa-openssh.pem', undefined, '-----BEGIN OPENSSH PRIVATE KEY-----'],
  ['rsa-v3.ppk', undefined, '-----BEGIN RSA PRIVATE KEY-----'],
  ['ed25519-v2.ppk', undefined, '-----BEGIN OPENSSH PRIVATE KEY-----'],
  ['ed25519-encrypted', 'correct horse', '-----BEGIN OPENSSH PRIVATE KEY-----'],
];

describe('exportSshKey', () => {
  it.each(SOURCES)('%s -> default format, mode 0600, ssh-keygen -y accepts it, ssh2 parses it', async (name, passphrase, firstLine) => {
    await withTempDir(async (dir) => {
      const { vault, meta } = await vaultWith(dir, name, passphrase);
      const target = path.join(dir, 'exported');
      await exportSshKey(secretStoreOf(vault), meta.id, target);
      const text = await readFile(target, 'utf8');
      expect(text.startsWith(firstLine)).toBe(true);
      expect((await stat(target)).mode & 0o777).toBe(0o600);
      const derived = await sshKeygenPublicKey(target);
      expect(derived.code).toBe(0);
      expect(derived.publicKey.split(' ').slice(0, 2).join(' ')).toBe(meta.publicKey);
      expect(ssh2Utils.parseKey(text)).not.toBeInstanceOf(Error);
    });
  });

  it.each([['rsa-pem.pem'], ['ecdsa-openssh.pem']])('%s also exports as OpenSSH and PEM', async (name) => {
    await withTempDir(async (dir) => {
      const { vault, meta } = await vaultWith(dir, name);
      for (const format of ['openssh', 'pem'] as const) {
        const target = path.join(dir, `key-${format}`);
        await exportSshKey(secretStoreOf(vault), meta.id, target, { format });
        expect((await sshKeygenPublicKey(target)).publicKey).toContain(meta.publicKey.split(' ')[1]);
      }
    });
  });

  it('Ed25519 has no PEM export', async () => {
    await withTempDir(async (dir) => {
      const { vault, meta } = await vaultWith(dir, 'ed25519-openssh');
      expect((await rejection(exportSshKey(secretStoreOf(vault), meta.id, path.join(dir, 'x'), { format: 'pem' }))).params).toEqual({
        format: 'pem',
        keyType: 'ed25519',
      });
    });
  });

  it.each([['rsa-pem.pem'], ['ed25519-openssh'], ['ecdsa-openssh.pem']])('%s -> PPK v3 and v2 that read back with a valid MAC', async (name) => {
    await withTempDir(async (dir) => {
      const { vault, meta } = await vaultWith(dir, name);
      for (const format of ['ppk', 'ppk-v2'] as const) {
        const target = path.join(dir, `key.${format}`);
        await exportSshKey(secretStoreOf(vault), meta.id, target, { format });
        const text = await readFile(target, 'utf8');
        expect(text).toMatch(format === 'ppk' ? /^PuTTY-User-Key-File-3: / : /^PuTTY-User-Key-File-2: /);
        expect(parsePrivateKey(text).fingerprint).toBe(meta.fingerprint);
        if (HAS_PUTTYGEN) {
          // Converting the private part makes puttygen check the MAC ("MAC failed" otherwise).
          const converted = path.join(dir, `from-${format}`);
          expect((await run('puttygen', [target, '-O', 'private-openssh', '-o', converted])).code).toBe(0);
          expect((await sshKeygenPublicKey(converted)).publicKey).toContain(meta.publicKey.split(' ')[1]);
        }
      }
    });
  });

  it('never overwrites unless asked; overwriting leaves a 0600 file', async () => {
    await withTempDir(async (dir) => {
      const { vault, meta } = await vaultWith(dir, 'ed25519-openssh');
      const target = path.join(dir, 'existing');
      await writeFile(target, 'keep me', { mode: 0o644 });
      expect((await rejection(exportSshKey(secretStoreOf(vault), meta.id, target))).code).toBe('vault.exportTargetExists');
      expect(await readFile(target, 'utf8')).toBe('keep me');
      await exportSshKey(secretStoreOf(vault), meta.id, target, { overwrite: true });
      expect((await stat(target)).mode & 0o777).toBe(0o600);
      expect((await sshKeygenPublicKey(target)).code).toBe(0);
    });
  });

  it('sshPrivateKeyText gives ssh2-usable text even for a PPK import', async () => {
    await withTempDir(async (dir) => {
      const { vault, meta } = await vaultWith(dir, 'ecdsa-v3.ppk');
      const text = await sshPrivateKeyText(secretStoreOf(vault), meta.id);
      const parsed = ssh2Utils.parseKey(text);
      expect(parsed).not.toBeInstanceOf(Error);
      const pub = path.join(dir, 'k.pub');
      await writeFile(pub, `${meta.publicKey}\n`);
      expect(await fingerprintOfPublicKeyFile(pub)).toBe(meta.fingerprint);
    });
  });
});

describe('CSV export', () => {
  it('console login -> the AWS CSV layout, 0600, and it imports back unchanged', async () => {
    await withTempDir(async (dir) => {
      const vault = new VaultService({ dataDir: path.join(dir, 'data'), keychain: new InMemoryKeychain() });
      await vault.initWithKeychain();
      const login = await vault.add('console-login', { ...CONSOLE_LOGIN, password: 'a,b"c' }, { label: 'alice' });
      const key = await vault.add('aws-access-key', ACCESS_KEY, { label: 'k' });
      const loginCsv = path.join(dir, 'alice_credentials.csv');
      const keyCsv = path.join(dir, 'k_accessKeys.csv');
      await exportConsoleLoginCsv(secretStoreOf(vault), login.id, loginCsv);
      await exportAccessKeyCsv(secretStoreOf(vault), key.id, keyCsv);
      expect(await readFile(loginCsv, 'utf8')).toBe(`User name,Password,Console sign-in URL\r\nalice,"a,b""c",${CONSOLE_LOGIN.signInUrl}\r\n`);
      for (const file of [loginCsv, keyCsv]) expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(parseImportFile(await readFile(loginCsv), 'alice_credentials.csv').drafts[0]?.secret).toEqual({ ...CONSOLE_LOGIN, password: 'a,b"c' });
      expect(parseImportFile(await readFile(keyCsv), 'k_accessKeys.csv').drafts[0]?.secret).toEqual(ACCESS_KEY);
    });
  });
});
