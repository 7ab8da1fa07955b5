/**
 * One damaged item never locks the whole vault: the vault opens, the other
 * items work, the damaged one is listed (vault.list `damaged`) with its
 * reason, can be exported raw (0600, the record exactly as stored) and is
 * deleted only when the user asks.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createHarness, errorOf, type Harness } from '../testing/vault/contract-harness';
import { ACCESS_KEY, CONSOLE_LOGIN, withTempDir } from '../testing/vault/vault-fixtures';
import { seal } from './crypto';
import { itemAad } from './file-format';
import { InMemoryKeychain } from './memory-keychain';
import { KEYCHAIN_ACCOUNT, KEYCHAIN_SERVICE } from './master-key';
import { VaultService } from './vault-service';

interface RawFile {
  items: Record<string, unknown>[];
}

async function vaultWithTwoItems(dir: string) {
  const keychain = new InMemoryKeychain();
  const vault = new VaultService({ dataDir: dir, keychain });
  await vault.initWithKeychain();
  const good = await vault.add('console-login', CONSOLE_LOGIN, { label: 'alice' });
  const victim = await vault.add('aws-access-key', ACCESS_KEY, { label: 'deploy' });
  return { keychain, vault, good, victim };
}

async function editFile(file: string, edit: (raw: RawFile) => void): Promise<RawFile> {
  const raw = JSON.parse(await readFile(file, 'utf8')) as RawFile;
  edit(raw);
  await writeFile(file, JSON.stringify(raw));
  return raw;
}

function flipLastByte(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
  return bytes.toString('base64');
}

const itemAt = (raw: RawFile, index: number): Record<string, { data: string; nonce: string }> => {
  const item = raw.items[index];
  if (!item) throw new Error(`no item ${index}`);
  return item as Record<string, { data: string; nonce: string }>;
};

describe('a damaged item does not lock the vault (VaultService)', () => {
  it.each([
    ['its metadata tag is altered', 'meta', 'undecryptable'],
    ['its secret ciphertext is altered', 'secret', 'undecryptable'],
  ] as const)('opens when %s: the other item works, the damaged one is listed', async (_name, part, reason) => {
    await withTempDir(async (dir) => {
      const { keychain, good, victim } = await vaultWithTwoItems(dir);
      await editFile(`${dir}/vault.json`, (raw) => {
        const sealed = itemAt(raw, 1)[part];
        if (sealed) sealed.data = flipLastByte(sealed.data);
      });
      const reopened = new VaultService({ dataDir: dir, keychain });
      expect(await reopened.open()).toMatchObject({ locked: false, itemCount: 1 });
      expect(reopened.list().map((meta) => meta.id)).toEqual([good.id]);
      expect(await reopened.getSecretOf(good.id, 'console-login')).toEqual(CONSOLE_LOGIN);
      expect(reopened.damaged()).toEqual([{ id: victim.id, kind: 'aws-access-key', reason }]);
    });
  });

  it('lists metadata that decrypts but is not valid as invalid', async () => {
    await withTempDir(async (dir) => {
      const { keychain, victim } = await vaultWithTwoItems(dir);
      const key = Buffer.from((await keychain.getPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT)) ?? '', 'base64');
      await editFile(`${dir}/vault.json`, (raw) => {
        const badMeta = Buffer.from(JSON.stringify({ label: '', createdAt: 'yesterday' }));
        itemAt(raw, 1)['meta'] = seal(key, badMeta, itemAad(victim.id, 'aws-access-key', 'meta'));
      });
      const reopened = new VaultService({ dataDir: dir, keychain });
      await reopened.open();
      expect(reopened.damaged()).toEqual([{ id: victim.id, kind: 'aws-access-key', reason: 'invalid' }]);
    });
  });

  it('lists a malformed record, keeps it byte for byte through other changes, and removes it only on request', async () => {
    await withTempDir(async (dir) => {
      const { keychain } = await vaultWithTwoItems(dir);
      const raw = await editFile(`${dir}/vault.json`, (file) => {
        itemAt(file, 1)['meta'] = { nonce: '!!not base64!!', data: '' };
      });
      const malformed = raw.items[1];
      const reopened = new VaultService({ dataDir: dir, keychain });
      await reopened.open();
      const [damaged] = reopened.damaged();
      expect(damaged).toMatchObject({ kind: 'aws-access-key', reason: 'malformed' });
      if (!damaged) throw new Error('not listed');
      expect(JSON.parse(reopened.damagedRecordText(damaged.id))).toEqual(malformed);

      await reopened.add('console-login', { ...CONSOLE_LOGIN, userName: 'bob' }, { label: 'bob' });
      const after = JSON.parse(await readFile(`${dir}/vault.json`, 'utf8')) as RawFile;
      expect(after.items).toContainEqual(malformed);
      expect(after.items).toHaveLength(3);

      await reopened.remove(damaged.id);
      const removed = JSON.parse(await readFile(`${dir}/vault.json`, 'utf8')) as RawFile;
      expect(removed.items).not.toContainEqual(malformed);
      expect(removed.items).toHaveLength(2);
      expect(reopened.damaged()).toEqual([]);
    });
  });

  it('a record that is not even an object gets a stable id from its content', async () => {
    await withTempDir(async (dir) => {
      const { keychain } = await vaultWithTwoItems(dir);
      await editFile(`${dir}/vault.json`, (file) => {
        file.items.push('garbage' as unknown as Record<string, unknown>);
      });
      const first = new VaultService({ dataDir: dir, keychain });
      await first.open();
      const second = new VaultService({ dataDir: dir, keychain });
      await second.open();
      expect(first.damaged()).toEqual([{ id: expect.stringMatching(/^damaged-[0-9a-f]{16}$/), reason: 'malformed' }]);
      expect(second.damaged()).toEqual(first.damaged());
      expect(first.list()).toHaveLength(2);
    });
  });
});

describe('damaged items through the contract', () => {
  async function damagedHarness(dir: string): Promise<{ h: Harness; victimId: string; goodId: string; record: unknown }> {
    const keychain = new InMemoryKeychain();
    const { good, victim } = await vaultWithTwoItems(dir).then(async (made) => {
      const ids = { good: made.good, victim: made.victim };
      // the same master key for the harness's vault
      await keychain.setPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT, (await made.keychain.getPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT)) ?? '');
      return ids;
    });
    const raw = await editFile(`${dir}/vault.json`, (file) => {
      const meta = itemAt(file, 1)['meta'];
      if (meta) meta.data = flipLastByte(meta.data);
    });
    const h = await createHarness({ keychain, dataDir: dir });
    return { h, victimId: victim.id, goodId: good.id, record: raw.items[1] };
  }

  it('vault.list shows the damaged item, "Export raw" writes its record as-is with mode 0600, vault.remove deletes it', async () => {
    await withTempDir(async (dir) => {
      const { h, victimId, goodId, record } = await damagedHarness(dir);
      try {
        expect(await h.ok('vault.unlock', {})).toMatchObject({ locked: false, itemCount: 1 });
        const listed = await h.ok('vault.list', {});
        expect(listed.items.map((item) => item.id)).toEqual([goodId]);
        expect(listed.damaged).toEqual([{ id: victimId, itemKind: 'aws-access-key', reason: 'undecryptable' }]);
        expect(h.events.at(-1)).toMatchObject({ event: 'vault.changed', payload: { damaged: [{ id: victimId }] } });

        // The healthy item still works.
        expect(await h.ok('vault.copySecret', { id: goodId })).toEqual({ clearsAfterSeconds: 30 });
        // A damaged item is not usable as a credential.
        expect(errorOf(await h.call('vault.export', { id: victimId })).code).toBe('vault.itemNotFound');

        const target = `${dir}/raw-export.json`;
        h.platform.queueSaveFile(target);
        expect(await h.ok('vault.exportRaw', { id: victimId })).toEqual({ status: 'saved', path: target, fileName: 'raw-export.json' });
        expect(JSON.parse(await readFile(target, 'utf8'))).toEqual(record);
        expect((await stat(target)).mode & 0o777).toBe(0o600);
        // Nothing was deleted by listing or exporting.
        expect((await h.ok('vault.list', {})).damaged).toHaveLength(1);

        // Export raw is only for damaged items: a healthy one goes through the normal export.
        expect(errorOf(await h.call('vault.exportRaw', { id: goodId })).code).toBe('vault.itemNotFound');

        expect(await h.ok('vault.remove', { id: victimId })).toEqual({ removed: true });
        expect(await h.ok('vault.list', {})).toMatchObject({ damaged: [] });
        expect(h.events.at(-1)).toMatchObject({ event: 'vault.changed', payload: { damaged: [] } });
        // No secret of the damaged record went to the renderer.
        expect(h.outgoing.join('\n')).not.toContain(ACCESS_KEY.secretAccessKey);
      } finally {
        await h.close();
      }
    });
  });
});
