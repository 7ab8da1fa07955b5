/**
 * The vault's contract handlers through the real router: setup, unlock,
 * import (bytes, path, dialog, passphrase retry), edit, delete; and nothing
 * secret in any response or event.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestOf } from '../../common/contract/types';
import { keychainUnavailable, type Keychain } from './keychain';
import { createHarness, errorOf, type Harness } from '../testing/vault/contract-harness';
import { ACCESS_KEY, CONSOLE_LOGIN, FIXTURE_KEYS } from '../testing/vault/vault-fixtures';
import { InMemoryKeychain } from './memory-keychain';
import { VaultService } from './vault-service';

const CSV_DIR = path.join(__dirname, 'import', 'fixtures', 'csv');
const csvBytes = (name: string) => readFileSync(path.join(CSV_DIR, name));
const PEM = path.join(FIXTURE_KEYS, 'rsa-pem.pem');
const keyBodyLines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('-----'));

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function unlocked(): Promise<Harness> {
  harness = await createHarness();
  await harness.ok('vault.initKeychain', {});
  return harness;
}

function expectNoSecret(h: Harness, secrets: string[]): void {
  const all = h.outgoing.join('\n');
  for (const secret of secrets) {
    expect(all.includes(secret) || all.includes(JSON.stringify(secret).slice(1, -1)), `secret of ${secret.length} chars leaked`).toBe(false);
  }
}

describe('vault handlers: setup and unlock', () => {
  it('starts uninitialized, sets up with the keychain, and announces vault.changed', async () => {
    harness = await createHarness();
    expect(await harness.ok('vault.status', {})).toEqual({ mode: 'uninitialized', locked: true });
    expect(await harness.ok('vault.initKeychain', {})).toEqual({ mode: 'keychain', locked: false, itemCount: 0 });
    expect(harness.events.at(-1)).toEqual({ event: 'vault.changed', payload: { status: { mode: 'keychain', locked: false, itemCount: 0 }, items: [], damaged: [] } });
  });

  it('without a keychain: status names the reason, initKeychain fails clearly and writes nothing; a passphrase works', async () => {
    const broken: Keychain = {
      getPassword: async () => Promise.reject(keychainUnavailable(new Error('org.freedesktop.secrets was not provided by any .service files'))),
      setPassword: async () => Promise.reject(keychainUnavailable(new Error('org.freedesktop.secrets was not provided by any .service files'))),
      deletePassword: async () => false,
    };
    harness = await createHarness({ keychain: broken });
    expect(await harness.ok('vault.status', {})).toEqual({
      mode: 'uninitialized',
      locked: true,
      keychainError: 'vault.keychainUnavailable',
      keychainReason: 'noSecretService',
    });
    expect(errorOf(await harness.call('vault.initKeychain', {}))).toMatchObject({ code: 'vault.keychainUnavailable', params: { reason: 'noSecretService' } });
    expect(existsSync(path.join(harness.dataDir, 'vault.json'))).toBe(false);
    expect(errorOf(await harness.call('vault.initPassphrase', { passphrase: 'short' }))).toMatchObject({ code: 'vault.passphraseTooShort', params: { min: 8 } });
    expect(await harness.ok('vault.initPassphrase', { passphrase: 'correct horse' })).toMatchObject({ mode: 'passphrase', locked: false });
    expect(await harness.ok('vault.lock', {})).toEqual({ mode: 'passphrase', locked: true });
    expect(errorOf(await harness.call('vault.list', {})).code).toBe('vault.locked');
    expect(errorOf(await harness.call('vault.unlock', { passphrase: 'wrong one!' })).code).toBe('vault.wrongPassphrase');
    expect(await harness.ok('vault.unlock', { passphrase: 'correct horse' })).toMatchObject({ locked: false });
    expectNoSecret(harness, ['correct horse']);
  });

  it('reset moves the vault aside and starts over', async () => {
    const h = await unlocked();
    const { backupPath, status } = await h.ok('vault.reset', {});
    expect(status.mode).toBe('uninitialized');
    expect(backupPath && existsSync(backupPath)).toBe(true);
  });
});

describe('vault handlers: import', () => {
  it('imports a file picked in the host page (combined CSV) as an access key and a console login, metadata only', async () => {
    const h = await unlocked();
    const result = await h.ok('vault.import', { source: h.bytesSource('credentials-combined.csv', csvBytes('credentials-combined.csv')) });
    expect(result).toMatchObject({ status: 'imported', fileName: 'credentials-combined.csv' });
    if (result.status !== 'imported') throw new Error('not imported');
    expect(result.items.map((i) => i.kind).sort()).toEqual(['aws-access-key', 'console-login']);
    const key = result.items.find((i) => i.kind === 'aws-access-key');
    expect(key).toMatchObject({ label: 'carol', accountId: '123456789012', keyIdHint: 'AKIA…MPLE' });
    expect(Object.keys(key ?? {}).sort()).toEqual(['accountId', 'createdAt', 'id', 'keyIdHint', 'kind', 'label', 'updatedAt']);
    expect((await h.ok('vault.list', {})).items).toHaveLength(2);
    expectNoSecret(h, [ACCESS_KEY.secretAccessKey, ACCESS_KEY.accessKeyId, 'C4r0l!pw']);
  });

  it('imports a dropped key (a granted path) and one from the open dialog; Cancel imports nothing', async () => {
    const h = await unlocked();
    const dropped = await h.ok('vault.import', { source: h.fileSource(PEM) });
    expect(dropped).toMatchObject({ status: 'imported', items: [{ kind: 'ssh-key', label: 'rsa-pem', keyType: 'rsa', bits: 2048 }] });
    expect(await h.ok('vault.import', { source: { kind: 'dialog', title: 'Import' } })).toEqual({ status: 'cancelled' });
    h.platform.queueOpenFile(path.join(FIXTURE_KEYS, 'ed25519-openssh'));
    expect(await h.ok('vault.import', { source: { kind: 'dialog' } })).toMatchObject({ status: 'imported', items: [{ keyType: 'ed25519' }] });
    expect(errorOf(await h.call('vault.import', { source: h.fileSource(PEM) })).code).toBe('vault.duplicateItem');
    expectNoSecret(h, [...keyBodyLines(PEM), ...keyBodyLines(path.join(FIXTURE_KEYS, 'ed25519-openssh'))]);
  });

  it('an encrypted key asks for its passphrase, keeps the file for the retry, and says when it was wrong', async () => {
    const h = await unlocked();
    const first = await h.ok('vault.import', { source: h.fileSource(path.join(FIXTURE_KEYS, 'ed25519-encrypted')) });
    expect(first).toMatchObject({ status: 'needsPassphrase', fileName: 'ed25519-encrypted', wrongPassphrase: false });
    if (first.status !== 'needsPassphrase') throw new Error('expected a passphrase request');
    const wrong = await h.ok('vault.import', { source: { kind: 'retry', retryId: first.retryId }, passphrase: 'nope' });
    expect(wrong).toEqual({ status: 'needsPassphrase', fileName: 'ed25519-encrypted', retryId: first.retryId, wrongPassphrase: true });
    const right = await h.ok('vault.import', { source: { kind: 'retry', retryId: first.retryId }, passphrase: 'correct horse' });
    expect(right).toMatchObject({ status: 'imported', items: [{ kind: 'ssh-key', keyType: 'ed25519' }] });
    expect(errorOf(await h.call('vault.import', { source: { kind: 'retry', retryId: first.retryId }, passphrase: 'correct horse' })).code).toBe('vault.importExpired');
  });

  it('says what a wrong file is, refuses huge or unreadable files, and checks requests strictly', async () => {
    const h = await unlocked();
    expect(errorOf(await h.call('vault.import', { source: h.fileSource(`${PEM}.pub`) }))).toMatchObject({ code: 'vault.notPrivateKeyPublic', params: { fileName: 'rsa-pem.pem.pub' } });
    const big = path.join(h.dataDir, 'big.csv');
    await writeFile(big, Buffer.alloc(300 * 1024, 0x41));
    expect(errorOf(await h.call('vault.import', { source: h.fileSource(big) }))).toMatchObject({ code: 'vault.importTooLarge', params: { fileName: 'big.csv', maxKb: 256 } });
    expect(errorOf(await h.call('vault.import', { source: h.fileSource('relative.csv') })).code).toBe('vault.importUnreadable');
    expect(errorOf(await h.call('vault.import', { source: h.fileSource(path.join(h.dataDir, 'missing.pem')) })).code).toBe('vault.importUnreadable');
    expect(errorOf(await h.call('vault.import', { source: h.bytesSource('x.csv', Buffer.alloc(300 * 1024, 0x41)) })).code).toBe('vault.importTooLarge');
    const extra = { source: { kind: 'dialog' }, secret: 'x' } as unknown as RequestOf<'vault.import'>;
    expect(errorOf(await h.call('vault.import', extra)).code).toBe('contract.invalidRequest');
  });
});

describe('vault handlers: paste, rename, server, delete', () => {
  it('stores a pasted access key; the response and events carry only a hint of the key id', async () => {
    const h = await unlocked();
    const { item } = await h.ok('vault.addAccessKey', { ...ACCESS_KEY });
    expect(item).toMatchObject({ kind: 'aws-access-key', label: 'Access key MPLE', keyIdHint: 'AKIA…MPLE' });
    expect(errorOf(await h.call('vault.addAccessKey', { accessKeyId: 'not a key', secretAccessKey: 'x' }))).toMatchObject({ code: 'vault.invalidItem', params: { field: 'accessKeyId' } });
    expectNoSecret(h, [ACCESS_KEY.secretAccessKey, ACCESS_KEY.accessKeyId]);
  });

  it('names a pasted key in the language the window shows (Korean here), and a given name as typed', async () => {
    harness = await createHarness({ itemLanguage: 'ko' });
    await harness.ok('vault.initKeychain', {});
    expect((await harness.ok('vault.addAccessKey', { ...ACCESS_KEY })).item.label).toBe('액세스 키 MPLE');
  });

  it('renames, links a key to a server, and deletes', async () => {
    const h = await unlocked();
    const imported = await h.ok('vault.import', { source: h.fileSource(PEM) });
    if (imported.status !== 'imported' || !imported.items[0]) throw new Error('not imported');
    const id = imported.items[0].id;
    expect((await h.ok('vault.rename', { id, label: '  web key ' })).item.label).toBe('web key');
    expect((await h.ok('vault.setServerHost', { id, serverHost: '203.0.113.10' })).item).toMatchObject({ serverHost: '203.0.113.10' });
    expect((await h.ok('vault.setServerHost', { id, serverHost: '' })).item).not.toHaveProperty('serverHost');
    expect(errorOf(await h.call('vault.setServerHost', { id, serverHost: 'evil; rm -rf /' })).code).toBe('contract.invalidRequest');
    const login = await h.vault.add('console-login', CONSOLE_LOGIN, { label: 'alice' });
    expect(errorOf(await h.call('vault.setServerHost', { id: login.id, serverHost: '203.0.113.10' })).code).toBe('vault.wrongItemKind');
    expect(await h.ok('vault.remove', { id })).toEqual({ removed: true });
    expect((await h.ok('vault.list', {})).items.map((i) => i.label)).toEqual(['alice']);
    expect(errorOf(await h.call('vault.remove', { id })).code).toBe('vault.itemNotFound');
    expect(h.events.filter((e) => e.event === 'vault.changed').length).toBeGreaterThanOrEqual(5);
  });
});

describe('vault.changed comes from the vault itself', () => {
  it('a change made outside any vault handler (a capability through the SecretStore) is announced', async () => {
    const h = await unlocked();
    const before = h.events.length;
    const added = await h.vault.add('console-login', CONSOLE_LOGIN, { label: 'alice' });
    expect(h.events.slice(before)).toEqual([
      { event: 'vault.changed', payload: expect.objectContaining({ items: [expect.objectContaining({ id: added.id, label: 'alice' })], damaged: [] }) },
    ]);
    await h.vault.updateMeta(added.id, { accountId: '123456789012' });
    expect(h.events.at(-1)).toMatchObject({ event: 'vault.changed', payload: { items: [{ id: added.id, accountId: '123456789012' }] } });
    expectNoSecret(h, [CONSOLE_LOGIN.password]);
  });

  it('vault.list after another process wrote the file shows its items, and announces them', async () => {
    const keychain = new InMemoryKeychain();
    harness = await createHarness({ keychain });
    const h = harness;
    await h.ok('vault.initKeychain', {});
    const other = new VaultService({ dataDir: h.dataDir, keychain }); // e.g. a second Onramp on the same data dir
    await other.open();
    await other.add('aws-access-key', ACCESS_KEY, { label: 'from the other window' });
    const before = h.events.length;
    expect((await h.ok('vault.list', {})).items.map((item) => item.label)).toEqual(['from the other window']);
    expect(h.events.slice(before)).toMatchObject([{ event: 'vault.changed', payload: { items: [{ label: 'from the other window' }] } }]);
  });
});
