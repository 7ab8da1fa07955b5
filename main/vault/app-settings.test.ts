/**
 * The `app-settings` item (issue 22): an app's environment variables, values in
 * the encrypted secret, names in the metadata. Added, read, replaced (values
 * change) and listed through the VaultService and its SecretStore; refused when
 * names and values disagree; never in plaintext on disk.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MAX_ENV_VALUE, MAX_ENV_VARS } from '../../common/app-env';
import { InMemoryKeychain } from './memory-keychain';
import { ACCESS_KEY, rejection, withTempDir } from '../testing/vault/vault-fixtures';
import { secretStoreOf } from './secret-store';
import { VaultService } from './vault-service';

const DB_URL = 'postgres://blog:S3cr3t-db-passw0rd@db.internal:5432/blog';
const API_TOKEN = 'tok_9f8e7d6c5b4a3210-only-in-the-vault';
const VALUES = { API_TOKEN, DATABASE_URL: DB_URL, DEBUG: 'false' };
const META = { label: 'blog settings', setupId: 'setup-1', names: ['API_TOKEN', 'DATABASE_URL', 'DEBUG'], secretNames: ['API_TOKEN', 'DATABASE_URL'] };

async function openVault(dir: string, keychain = new InMemoryKeychain()) {
  const vault = new VaultService({ dataDir: dir, keychain });
  await vault.initWithKeychain();
  return { vault, keychain };
}

const sealedParts = async (vault: VaultService, id: string) => {
  const file = JSON.parse(await readFile(vault.filePath, 'utf8')) as { items: { id: string; meta: { nonce: string }; secret: { nonce: string } }[] };
  const record = file.items.find((item) => item.id === id);
  return { meta: record?.meta.nonce, secret: record?.secret.nonce };
};

describe('app-settings items', () => {
  it('adds, reads, replaces (values and names change, createdAt kept) and lists names only', async () => {
    await withTempDir(async (dir) => {
      const { vault, keychain } = await openVault(dir);
      const secrets = secretStoreOf(vault);
      let announced = 0;
      vault.onChange(() => void announced++);

      const added = await secrets.add('app-settings', { values: VALUES }, META);
      expect(added).toMatchObject({ kind: 'app-settings', ...META });
      expect(await secrets.secretOf(added.id, 'app-settings')).toEqual({ values: VALUES });
      expect(announced).toBe(1);
      const before = await sealedParts(vault, added.id);

      await new Promise((resolve) => setTimeout(resolve, 5)); // so updatedAt can differ
      const next = { DATABASE_URL: 'postgres://blog:n3w-passw0rd@db.internal/blog', DEBUG: 'true', SITE_NAME: '내 블로그' };
      const replaced = await secrets.replaceSecret(added.id, 'app-settings', { values: next }, { names: ['DATABASE_URL', 'DEBUG', 'SITE_NAME'], secretNames: ['DATABASE_URL'] });
      expect(replaced).toMatchObject({ id: added.id, kind: 'app-settings', label: 'blog settings', setupId: 'setup-1', names: ['DATABASE_URL', 'DEBUG', 'SITE_NAME'], secretNames: ['DATABASE_URL'] });
      expect(replaced.createdAt).toBe(added.createdAt);
      expect(replaced.updatedAt > added.updatedAt).toBe(true);
      expect(await secrets.secretOf(added.id, 'app-settings')).toEqual({ values: next });
      expect(announced).toBe(2);
      const after = await sealedParts(vault, added.id);
      expect(after.meta).not.toBe(before.meta);
      expect(after.secret).not.toBe(before.secret);

      // list(): names, never a value; another instance reads the replaced values back.
      expect(vault.list()).toEqual([replaced]);
      const listed = JSON.stringify(vault.list());
      for (const value of [DB_URL, API_TOKEN, next.DATABASE_URL, next.SITE_NAME]) expect(listed).not.toContain(value);
      const again = new VaultService({ dataDir: dir, keychain });
      await again.open();
      expect(await again.getSecretOf(added.id, 'app-settings')).toEqual({ values: next });
    });
  });

  it('keeps no value (nor a name or label) in plaintext in the vault file', async () => {
    await withTempDir(async (dir) => {
      const { vault } = await openVault(dir);
      const item = await vault.add('app-settings', { values: VALUES }, META);
      await vault.replaceSecret(item.id, 'app-settings', { values: { ...VALUES, API_TOKEN: `${API_TOKEN}-rotated` } });
      const text = await readFile(vault.filePath, 'utf8');
      for (const needle of [DB_URL, API_TOKEN, 'S3cr3t-db-passw0rd', 'DATABASE_URL', 'blog settings', 'setup-1']) expect(text).not.toContain(needle);
    });
  });

  it('refuses names that do not match the values, secret names that are not names, and bad names or sizes, writing nothing', async () => {
    await withTempDir(async (dir) => {
      const { vault } = await openVault(dir);
      const fileBefore = await readFile(vault.filePath);
      const refused = async (values: Record<string, string>, meta: Partial<typeof META>) =>
        rejection(vault.add('app-settings', { values }, { ...META, ...meta }));

      expect((await refused({ DEBUG: 'x' }, {})).params).toEqual({ field: 'names' }); // names without values
      expect((await refused({ ...VALUES, EXTRA: 'x' }, {})).params).toEqual({ field: 'names' }); // a value without its name
      expect((await refused(VALUES, { secretNames: ['PASSWORD'] })).params).toEqual({ field: 'secretNames' });
      expect((await refused(VALUES, { names: ['DEBUG', 'API_TOKEN', 'DATABASE_URL'] })).code).toBe('vault.invalidItem'); // not sorted
      expect((await refused({ '1BAD': 'x' }, { names: ['1BAD'], secretNames: [] })).code).toBe('vault.invalidItem');
      expect((await refused({ A: 'x'.repeat(MAX_ENV_VALUE + 1) }, { names: ['A'], secretNames: [] })).code).toBe('vault.invalidItem');
      const many = Object.fromEntries(Array.from({ length: MAX_ENV_VARS + 1 }, (_, i) => [`V${String(i).padStart(3, '0')}`, '']));
      expect((await refused(many, { names: Object.keys(many), secretNames: [] })).code).toBe('vault.invalidItem');
      expect((await refused(VALUES, { setupId: 'no spaces please' })).params).toEqual({ field: 'setupId' });

      // Errors name the field only, never a value.
      const error = await refused({ ...VALUES, EXTRA: DB_URL }, {});
      expect(JSON.stringify({ message: error.message, params: error.params })).not.toContain(DB_URL);
      expect(vault.list()).toEqual([]);
      expect(await readFile(vault.filePath)).toEqual(fileBefore);

      // The largest allowed item fits.
      const full = Object.fromEntries(Array.from({ length: MAX_ENV_VARS }, (_, i) => [`V${String(i).padStart(3, '0')}`, i === 0 ? 'x'.repeat(MAX_ENV_VALUE) : 'v']));
      await expect(vault.add('app-settings', { values: full }, { ...META, names: Object.keys(full), secretNames: ['V000'] })).resolves.toMatchObject({ names: Object.keys(full) });
    });
  });

  it('replaceSecret checks the kind and the names; updateMeta changes secret names but not names alone', async () => {
    await withTempDir(async (dir) => {
      const { vault } = await openVault(dir);
      const item = await vault.add('app-settings', { values: VALUES }, META);
      const key = await vault.add('aws-access-key', ACCESS_KEY, { label: 'deploy' });

      expect((await rejection(vault.replaceSecret(key.id, 'app-settings', { values: VALUES }))).code).toBe('vault.wrongItemKind');
      expect((await rejection(vault.replaceSecret(item.id, 'app-settings', { values: { DEBUG: 'x' } }))).params).toEqual({ field: 'names' });
      expect((await rejection(vault.replaceSecret('nope', 'app-settings', { values: VALUES }))).code).toBe('vault.itemNotFound');
      expect(await vault.getSecretOf(item.id, 'app-settings')).toEqual({ values: VALUES });

      expect((await rejection(vault.updateMeta(item.id, { names: ['DEBUG'], secretNames: [] }))).params).toEqual({ field: 'names' });
      const relabelled = await vault.updateMeta(item.id, { label: 'blog', secretNames: ['API_TOKEN'] });
      expect(relabelled).toMatchObject({ label: 'blog', names: META.names, secretNames: ['API_TOKEN'] });
      expect(await vault.getSecretOf(item.id, 'app-settings')).toEqual({ values: VALUES });
    });
  });

  it('replaceSecret of an access key: label kept, a key already stored elsewhere refused', async () => {
    await withTempDir(async (dir) => {
      const { vault } = await openVault(dir);
      const first = await vault.add('aws-access-key', ACCESS_KEY, { label: 'first', accountId: '123456789012' });
      const other = { accessKeyId: 'AKIAI44QH8DHBEXAMPLE', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY' };
      const second = await vault.add('aws-access-key', other, { label: 'second' });
      expect((await rejection(vault.replaceSecret(second.id, 'aws-access-key', ACCESS_KEY))).params).toEqual({ label: 'first' });
      const rotated = { ...ACCESS_KEY, secretAccessKey: 'rotatedSecretKeyValue/0123456789ABCDEFGH' };
      expect(await vault.replaceSecret(first.id, 'aws-access-key', rotated)).toMatchObject({ label: 'first', accountId: '123456789012' });
      expect(await vault.getSecretOf(first.id, 'aws-access-key')).toEqual(rotated);
    });
  });

  it('a replace made by another instance is kept when this one writes next', async () => {
    await withTempDir(async (dir) => {
      const { vault, keychain } = await openVault(dir);
      const item = await vault.add('app-settings', { values: VALUES }, META);
      const other = new VaultService({ dataDir: dir, keychain });
      await other.open();
      const next = { ...VALUES, DEBUG: 'true' };
      await other.replaceSecret(item.id, 'app-settings', { values: next });

      await vault.rename(item.id, 'renamed here'); // re-reads the file under the lock first
      expect(await vault.getSecretOf(item.id, 'app-settings')).toEqual({ values: next });
      expect(vault.get(item.id)).toMatchObject({ label: 'renamed here', names: META.names });
    });
  });
});
