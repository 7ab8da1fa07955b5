/** VaultService with the in-memory keychain: file format, modes, items, atomicity. */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYCHAIN_ACCOUNT, KEYCHAIN_SERVICE } from './master-key';
import { InMemoryKeychain } from './memory-keychain';
import { ACCESS_KEY, CONSOLE_LOGIN, ED25519_KEY, rejection, withTempDir } from '../testing/vault/vault-fixtures';
import { VaultService } from './vault-service';

async function keychainVault(dir: string, keychain = new InMemoryKeychain()) {
  const vault = new VaultService({ dataDir: dir, keychain });
  await vault.initWithKeychain();
  return { vault, keychain };
}

describe('VaultService (keychain mode, in-memory keychain)', () => {
  it('starts uninitialized, then holds exactly one keychain entry: a 256-bit key', async () => {
    await withTempDir(async (dir) => {
      const keychain = new InMemoryKeychain();
      const vault = new VaultService({ dataDir: dir, keychain });
      expect(await vault.status()).toEqual({ mode: 'uninitialized', locked: true });
      expect(await vault.open()).toEqual({ mode: 'uninitialized', locked: true });
      expect(await vault.initWithKeychain()).toEqual({ mode: 'keychain', locked: false, itemCount: 0 });
      expect(keychain.size).toBe(1);
      const stored = await keychain.getPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT);
      expect(Buffer.from(stored ?? '', 'base64')).toHaveLength(32);
      expect((await stat(vault.filePath)).mode & 0o777).toBe(0o600);
    });
  });

  it('adds, lists (metadata only), renames, reads secrets and removes', async () => {
    await withTempDir(async (dir) => {
      const { vault } = await keychainVault(dir);
      const key = await vault.add('aws-access-key', ACCESS_KEY, { label: 'deploy', accountId: '123456789012' });
      const login = await vault.add('console-login', CONSOLE_LOGIN, { label: 'alice' });
      const ssh = await vault.add('ssh-key', { privateKey: ED25519_KEY() }, { label: 'web', region: 'ap-northeast-2' });
      expect(ssh).toMatchObject({ kind: 'ssh-key', keyType: 'ed25519', bits: 256, fingerprint: expect.stringMatching(/^SHA256:/) });
      expect(ssh.publicKey).toMatch(/^ssh-ed25519 AAAA[^ ]+$/);

      const listed = JSON.stringify(vault.list());
      expect(vault.list()).toHaveLength(3);
      for (const secret of [ACCESS_KEY.secretAccessKey, ACCESS_KEY.accessKeyId, CONSOLE_LOGIN.password, 'PRIVATE KEY']) {
        expect(listed).not.toContain(secret);
      }

      expect(await vault.getSecret(key.id)).toEqual({ kind: 'aws-access-key', secret: ACCESS_KEY });
      expect(await vault.getSecretOf(login.id, 'console-login')).toEqual(CONSOLE_LOGIN);
      expect((await rejection(vault.getSecretOf(login.id, 'ssh-key'))).code).toBe('vault.wrongItemKind');

      const renamed = await vault.rename(ssh.id, 'web server');
      expect(renamed).toMatchObject({ label: 'web server', region: 'ap-northeast-2', fingerprint: ssh.fingerprint });
      expect((await rejection(vault.updateMeta(key.id, { serverHost: 'x' }))).code).toBe('vault.invalidItem');

      await vault.remove(login.id);
      expect(vault.list().map((m) => m.id).sort()).toEqual([key.id, ssh.id].sort());
      expect((await rejection(vault.getSecret(login.id))).code).toBe('vault.itemNotFound');
    });
  });

  it('the file holds no plaintext secret or label, and a second instance reads it back', async () => {
    await withTempDir(async (dir) => {
      const { vault, keychain } = await keychainVault(dir);
      await vault.add('console-login', CONSOLE_LOGIN, { label: 'visible-label-xyz' });
      const text = await readFile(vault.filePath, 'utf8');
      for (const needle of [CONSOLE_LOGIN.password, CONSOLE_LOGIN.userName, 'visible-label-xyz', '123456789012']) {
        expect(text).not.toContain(needle);
      }
      expect(JSON.parse(text)).toMatchObject({ format: 'onramp-vault', version: 1, mode: 'keychain' });

      const again = new VaultService({ dataDir: dir, keychain });
      expect(await again.open()).toEqual({ mode: 'keychain', locked: false, itemCount: 1 });
      expect(again.list()[0]?.label).toBe('visible-label-xyz');
    });
  });

  it('uses a fresh nonce for every item and every write', async () => {
    await withTempDir(async (dir) => {
      const { vault } = await keychainVault(dir);
      const item = await vault.add('aws-access-key', ACCESS_KEY, { label: 'a' });
      const nonces = async () => {
        const file = JSON.parse(await readFile(vault.filePath, 'utf8')) as { items: { meta: { nonce: string } }[] };
        return file.items.map((i) => i.meta.nonce);
      };
      const before = await nonces();
      await vault.rename(item.id, 'b');
      const after = await nonces();
      expect(after[0]).not.toBe(before[0]);
    });
  });

  it('refuses duplicates without writing', async () => {
    await withTempDir(async (dir) => {
      const { vault } = await keychainVault(dir);
      await vault.add('aws-access-key', ACCESS_KEY, { label: 'first' });
      await vault.add('ssh-key', { privateKey: ED25519_KEY() }, { label: 'key' });
      const dup = await rejection(vault.add('aws-access-key', ACCESS_KEY, { label: 'second' }));
      expect(dup.code).toBe('vault.duplicateItem');
      expect(dup.params).toEqual({ label: 'first' });
      expect((await rejection(vault.add('ssh-key', { privateKey: ED25519_KEY() }, { label: 'again' }))).params).toEqual({ label: 'key' });
      expect(vault.list()).toHaveLength(2);
    });
  });

  it('wrong master key: vault.wrongKey, file untouched, keychain untouched', async () => {
    await withTempDir(async (dir) => {
      const { vault } = await keychainVault(dir);
      await vault.add('aws-access-key', ACCESS_KEY, { label: 'a' });
      const before = await readFile(vault.filePath);
      const otherKeychain = new InMemoryKeychain();
      await otherKeychain.setPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT, Buffer.alloc(32, 7).toString('base64'));
      const intruder = new VaultService({ dataDir: dir, keychain: otherKeychain });
      const error = await rejection(intruder.open());
      expect(error.code).toBe('vault.wrongKey');
      expect(error.message).not.toContain(Buffer.alloc(32, 7).toString('base64'));
      expect(await readFile(vault.filePath)).toEqual(before);
      expect(await otherKeychain.getPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT)).toBe(Buffer.alloc(32, 7).toString('base64'));
      expect((await rejection(intruder.initWithKeychain())).code).toBe('vault.alreadyInitialized');
      expect(await readFile(vault.filePath)).toEqual(before);
    });
  });

  it('a missing master key is reported, never replaced', async () => {
    await withTempDir(async (dir) => {
      await keychainVault(dir);
      const empty = new InMemoryKeychain();
      const error = await rejection(new VaultService({ dataDir: dir, keychain: empty }).open());
      expect(error.code).toBe('vault.masterKeyMissing');
      expect(empty.size).toBe(0);
    });
  });

  it('crash between temp write and rename: the previous vault stays intact and readable', async () => {
    await withTempDir(async (dir) => {
      const keychain = new InMemoryKeychain();
      let crash = false;
      const vault = new VaultService({
        dataDir: dir,
        keychain,
        beforeRename: () => {
          if (crash) throw new Error('simulated crash before rename');
        },
      });
      await vault.initWithKeychain();
      await vault.add('aws-access-key', ACCESS_KEY, { label: 'kept' });
      const before = await readFile(vault.filePath);
      crash = true;
      await expect(vault.add('console-login', CONSOLE_LOGIN, { label: 'lost' })).rejects.toThrow('simulated crash');
      expect(await readFile(vault.filePath)).toEqual(before);
      expect(vault.list().map((m) => m.label)).toEqual(['kept']); // memory not changed either
      expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      // A real crash leaves the temp file behind; it must not disturb the next open.
      await writeFile(path.join(dir, '.vault.json.deadbeef.tmp'), '{"half": ', { mode: 0o600 });
      const reopened = new VaultService({ dataDir: dir, keychain });
      await reopened.open();
      expect(reopened.list().map((m) => m.label)).toEqual(['kept']);
      expect(await reopened.getSecret(reopened.list()[0]?.id ?? '')).toEqual({ kind: 'aws-access-key', secret: ACCESS_KEY });
    });
  });

  it('concurrent adds are serialised and none is lost', async () => {
    await withTempDir(async (dir) => {
      const { vault, keychain } = await keychainVault(dir);
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          vault.add('console-login', { ...CONSOLE_LOGIN, userName: `user${i}` }, { label: `user${i}` }),
        ),
      );
      const reopened = new VaultService({ dataDir: dir, keychain });
      await reopened.open();
      expect(reopened.list()).toHaveLength(10);
    });
  });

  it('a damaged file is vault.corrupt; a newer format is vault.unsupportedVersion (damaged items: vault-damaged.test.ts)', async () => {
    await withTempDir(async (dir) => {
      const { vault, keychain } = await keychainVault(dir);
      await vault.add('aws-access-key', ACCESS_KEY, { label: 'a' });
      const file = JSON.parse(await readFile(vault.filePath, 'utf8')) as { version: number; items: { meta: { data: string } }[] };
      const item = file.items[0];
      if (!item) throw new Error('no item');
      item.meta.data = Buffer.from('x'.repeat(40)).toString('base64');
      await writeFile(vault.filePath, JSON.stringify(file));
      await writeFile(vault.filePath, JSON.stringify({ ...file, version: 2 }));
      expect((await rejection(new VaultService({ dataDir: dir, keychain }).open())).params).toEqual({ version: 2 });
      await writeFile(vault.filePath, 'not json');
      expect((await rejection(new VaultService({ dataDir: dir, keychain }).open())).code).toBe('vault.corrupt');
    });
  });

  it('lock forgets everything; reset moves the file aside', async () => {
    await withTempDir(async (dir) => {
      const { vault } = await keychainVault(dir);
      await vault.lock();
      expect(() => vault.list()).toThrow(expect.objectContaining({ code: 'vault.locked' }));
      const { backupPath } = await vault.reset();
      expect(backupPath).toMatch(/vault\.json\.reset-.*\.bak$/);
      expect((await vault.status()).mode).toBe('uninitialized');
    });
  });
});

describe('VaultService (passphrase mode)', () => {
  it('round trip: init, add, reopen with the passphrase; nothing in the keychain', async () => {
    await withTempDir(async (dir) => {
      const keychain = new InMemoryKeychain();
      const vault = new VaultService({ dataDir: dir, keychain });
      expect((await rejection(vault.initWithPassphrase('short'))).params).toEqual({ min: 8 });
      expect(await vault.initWithPassphrase('a long passphrase')).toMatchObject({ mode: 'passphrase', locked: false });
      await vault.add('aws-access-key', ACCESS_KEY, { label: 'pp' });
      expect(keychain.size).toBe(0);

      const text = await readFile(vault.filePath, 'utf8');
      expect(JSON.parse(text)).toMatchObject({ mode: 'passphrase', kdf: { name: 'scrypt', N: 32768, r: 8, p: 1 } });
      expect(text).not.toContain('a long passphrase');

      const again = new VaultService({ dataDir: dir, keychain });
      expect(await again.open()).toEqual({ mode: 'passphrase', locked: true });
      const wrong = await rejection(again.unlockWithPassphrase('not the passphrase'));
      expect(wrong.code).toBe('vault.wrongPassphrase');
      expect(wrong.message).not.toContain('not the passphrase');
      expect(await again.unlockWithPassphrase('a long passphrase')).toEqual({ mode: 'passphrase', locked: false, itemCount: 1 });
      expect(await again.getSecret(again.list()[0]?.id ?? '')).toEqual({ kind: 'aws-access-key', secret: ACCESS_KEY });
    });
  });

  it('passphrase mode is never entered silently and keychain vaults refuse passphrases', async () => {
    await withTempDir(async (dir) => {
      const { vault, keychain } = await keychainVault(dir);
      expect((await rejection(vault.initWithPassphrase('a long passphrase'))).code).toBe('vault.alreadyInitialized');
      const other = new VaultService({ dataDir: dir, keychain });
      expect((await rejection(other.unlockWithPassphrase('a long passphrase'))).params).toEqual({ mode: 'keychain' });
    });
  });
});
