/**
 * vault.export and vault.copySecret through the router (the ssh command for
 * an exported key is ssh.copyCommand, main/ssh/ssh-handlers.integration.test.ts):
 * files are 0600 and usable by ssh-keygen, the renderer learns only paths,
 * the password goes to the main-side clipboard and is cleared after 30 s.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeFileStem } from './export-handler';
import { createHarness, errorOf, type Harness } from '../testing/vault/contract-harness';
import { CONSOLE_LOGIN, FIXTURE_KEYS } from '../testing/vault/vault-fixtures';

const PEM = path.join(FIXTURE_KEYS, 'rsa-pem.pem');
const ED25519 = path.join(FIXTURE_KEYS, 'ed25519-openssh');

let harness: Harness | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await harness?.close();
  harness = undefined;
});

async function withKey(file = PEM): Promise<{ h: Harness; id: string }> {
  harness = await createHarness();
  await harness.ok('vault.initKeychain', {});
  const result = await harness.ok('vault.import', { source: harness.fileSource(file) });
  if (result.status !== 'imported' || !result.items[0]) throw new Error('not imported');
  return { h: harness, id: result.items[0].id };
}

const publicKeyOf = (file: string) => execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' }).trim().split(' ').slice(0, 2).join(' ');
const expectedPublic = (file: string) => readFileSync(`${file}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');

describe('vault.export', () => {
  it('writes the key through the save dialog as a 0600 file ssh-keygen accepts, and remembers the path', async () => {
    const { h, id } = await withKey();
    expect(await h.ok('vault.export', { id })).toEqual({ status: 'cancelled' });
    const target = path.join(h.dataDir, 'my key.pem');
    h.platform.queueSaveFile(target);
    expect(await h.ok('vault.export', { id, title: 'Save' })).toEqual({ status: 'saved', path: target, fileName: 'my key.pem' });
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toContain('BEGIN RSA PRIVATE KEY');
    expect(publicKeyOf(target)).toBe(expectedPublic(PEM));
    expect((await h.ok('vault.list', {})).items[0]).toMatchObject({ exportPath: target });
    expect(h.outgoing.join('\n')).not.toContain(readFileSync(PEM, 'utf8').split('\n')[1]);
  });

  it('never replaces an existing file, and offers OpenSSH and PPK on request', async () => {
    const { h, id } = await withKey(ED25519);
    const existing = path.join(h.dataDir, 'taken.pem');
    await writeFile(existing, 'keep me');
    h.platform.queueSaveFile(existing);
    expect(errorOf(await h.call('vault.export', { id }))).toMatchObject({ code: 'vault.exportTargetExists', params: { fileName: 'taken.pem' } });
    expect(readFileSync(existing, 'utf8')).toBe('keep me');

    h.platform.queueSaveFile(path.join(h.dataDir, 'ed.pem'));
    await h.ok('vault.export', { id, format: 'openssh' });
    expect(publicKeyOf(path.join(h.dataDir, 'ed.pem'))).toBe(expectedPublic(ED25519));
    h.platform.queueSaveFile(path.join(h.dataDir, 'ed.ppk'));
    await h.ok('vault.export', { id, format: 'ppk' });
    expect(readFileSync(path.join(h.dataDir, 'ed.ppk'), 'utf8')).toMatch(/^PuTTY-User-Key-File-3: ssh-ed25519/);
    expect(statSync(path.join(h.dataDir, 'ed.ppk')).mode & 0o777).toBe(0o600);
    expect(errorOf(await h.call('vault.export', { id, format: 'pem' }))).toMatchObject({ code: 'vault.exportFormatUnsupported' });
    expect(errorOf(await h.call('vault.export', { id, format: 'csv' }))).toMatchObject({ code: 'vault.exportFormatUnsupported' });
  });

  it('exports a console login as the AWS CSV', async () => {
    harness = await createHarness();
    const h = harness;
    await h.ok('vault.initKeychain', {});
    const login = await h.vault.add('console-login', CONSOLE_LOGIN, { label: 'alice' });
    const target = path.join(h.dataDir, 'alice_credentials.csv');
    h.platform.queueSaveFile(target);
    await h.ok('vault.export', { id: login.id });
    expect(readFileSync(target, 'utf8')).toBe(`User name,Password,Console sign-in URL\r\nalice,${CONSOLE_LOGIN.password},${CONSOLE_LOGIN.signInUrl}\r\n`);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(errorOf(await h.call('vault.export', { id: login.id, format: 'pem' })).code).toBe('vault.exportFormatUnsupported');
  });
});

describe('vault.copySecret', () => {
  it('puts the password on the main-side clipboard, tells the renderer only when it clears (30 s), then clears it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    harness = await createHarness();
    const h = harness;
    await h.ok('vault.initKeychain', {});
    const login = await h.vault.add('console-login', CONSOLE_LOGIN, { label: 'alice' });
    expect(await h.ok('vault.copySecret', { id: login.id })).toEqual({ clearsAfterSeconds: 30 });
    expect(await h.platform.clipboardRead()).toBe(CONSOLE_LOGIN.password);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await h.platform.clipboardRead()).toBe('');
    expect(h.outgoing.join('\n')).not.toContain(CONSOLE_LOGIN.password);
  });

  it('refuses items without a password', async () => {
    const { h, id } = await withKey();
    expect(errorOf(await h.call('vault.copySecret', { id }))).toMatchObject({ code: 'vault.wrongItemKind', params: { expected: 'console-login', actual: 'ssh-key' } });
  });
});

describe('export file names', () => {
  it('are made safe from labels', () => {
    expect(safeFileStem('my key / prod')).toBe('my_key_prod');
    expect(safeFileStem('서버 키')).toBe('서버_키');
    expect(safeFileStem('...')).toBe('onramp');
  });
});
