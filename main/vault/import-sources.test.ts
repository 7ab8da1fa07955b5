/**
 * Files come from the user: vault.import takes main's own dialog or a one-time
 * token for a file the user dropped or picked, never a path or bytes named by
 * the renderer. A token works once and expires; errors never echo a file's
 * contents.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestOf } from '../../common/contract/types';
import { grantDroppedFile, UserFileGrants } from '../files/user-file-grants';
import { createHarness, errorOf, type Harness } from '../testing/vault/contract-harness';

const FIXTURE_KEYS = path.resolve(__dirname, 'import/fixtures/keys');

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

const asRequest = (source: unknown) => ({ source }) as unknown as RequestOf<'vault.import'>;

describe('vault.import: files come from the user', () => {
  it('refuses a path or bytes named by the renderer at the contract boundary, and reads nothing', async () => {
    const h = await unlocked();
    for (const source of [
      { kind: 'path', path: '/etc/passwd' },
      { kind: 'path', path: path.join(FIXTURE_KEYS, 'rsa-pem.pem') },
      { kind: 'bytes', name: 'x.csv', base64: 'QUJD' },
      { kind: 'file', path: path.join(FIXTURE_KEYS, 'rsa-pem.pem') },
      { kind: 'file', token: path.join(FIXTURE_KEYS, 'rsa-pem.pem'), path: '/etc/passwd' },
    ]) {
      expect(errorOf(await h.call('vault.import', asRequest(source))).code).toBe('contract.invalidRequest');
    }
    // A path where the token goes is just an unknown token: nothing is read.
    expect(errorOf(await h.call('vault.import', { source: { kind: 'file', token: path.join(FIXTURE_KEYS, 'rsa-pem.pem').slice(-64) } })).code).toBe('vault.importFileExpired');
    expect((await h.ok('vault.list', {})).items).toHaveLength(0);
  });

  it('a token works once: the second import with it is refused, and a new drop gets a new token', async () => {
    const h = await unlocked();
    const source = h.fileSource(path.join(FIXTURE_KEYS, 'ed25519-openssh'));
    expect(await h.ok('vault.import', { source })).toMatchObject({ status: 'imported', items: [{ keyType: 'ed25519' }] });
    expect(errorOf(await h.call('vault.import', { source }))).toMatchObject({ code: 'vault.importFileExpired' });
    const again = h.fileSource(path.join(FIXTURE_KEYS, 'ed25519-openssh'));
    expect(again.token).not.toBe(source.token);
    expect(errorOf(await h.call('vault.import', { source: again })).code).toBe('vault.duplicateItem');
  });

  it('an error about a file names the file, never its contents', async () => {
    const h = await unlocked();
    const file = path.join(h.dataDir, 'notes.txt');
    const secretish = 'my-bank-password-hunter2-do-not-leak';
    await writeFile(file, `${secretish}\n`.repeat(20));
    const error = errorOf(await h.call('vault.import', { source: h.fileSource(file) }));
    expect(error.params?.['fileName']).toBe('notes.txt');
    expect(JSON.stringify(error)).not.toContain('hunter2');
    expect(h.outgoing.join('\n')).not.toContain('hunter2');
  });
});

describe('UserFileGrants', () => {
  it('a token expires after its time, unused', () => {
    let now = 1_000;
    const grants = new UserFileGrants({ ttlMs: 60_000, now: () => now });
    const early = grants.grant({ kind: 'path', path: '/home/me/key.pem' });
    const late = grants.grant({ kind: 'path', path: '/home/me/key.pem' });
    now += 59_999;
    expect(grants.take(early)).toEqual({ kind: 'path', path: '/home/me/key.pem' });
    now += 1;
    expect(grants.take(late)).toBeUndefined();
  });

  it('keeps a bounded number of grants and wipes the bytes of the ones it drops', () => {
    const grants = new UserFileGrants();
    const first = Buffer.from('first file');
    const firstToken = grants.grant({ kind: 'bytes', name: 'a', bytes: first });
    const tokens = Array.from({ length: 16 }, (_, i) => grants.grant({ kind: 'bytes', name: `f${i}`, bytes: Buffer.from('x') }));
    expect(grants.take(firstToken)).toBeUndefined();
    expect(first.every((byte) => byte === 0)).toBe(true);
    expect(grants.take(tokens[15] ?? '')).toMatchObject({ name: 'f15' });
    expect(new Set(tokens).size).toBe(16);
  });

  it('the preload-only channel for dropped files takes only an absolute path string', () => {
    const grants = new UserFileGrants();
    for (const bad of [undefined, null, 42, {}, '', 'relative/key.pem', '../key.pem', '/tmp/a\0b', `/${'a'.repeat(5000)}`]) {
      expect(grantDroppedFile(grants, bad)).toMatchObject({ ok: false, error: { code: 'contract.invalidRequest' } });
    }
    const granted = grantDroppedFile(grants, '/home/me/Downloads/me_accessKeys.csv');
    if (!granted.ok) throw new Error('refused');
    expect(grants.take(granted.value.token)).toEqual({ kind: 'path', path: '/home/me/Downloads/me_accessKeys.csv' });
  });
});
