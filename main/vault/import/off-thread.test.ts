/** Imports run in a worker thread with a time bound: main keeps answering while a key is decrypted. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../common/errors';
import { parsePrivateKey } from '../ssh/private-key';
import { fingerprintOfPublicKeyFile } from '../../testing/vault/ssh-keygen';
import { parseImportFileOffThread } from './off-thread';

const KEY_DIR = path.join(__dirname, 'fixtures', 'keys');
const PASS = 'correct horse';
const bytes = (name: string) => readFileSync(path.join(KEY_DIR, name));

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; params: Record<string, string | number> }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, params: error.params ?? {} };
    throw error;
  }
  throw new Error('no error');
}

/** Longest gap between 5 ms timer ticks on this thread while `work` runs. */
async function longestStall(work: Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  await work.catch(() => undefined);
  clearInterval(timer);
  return longest;
}

describe('import off the main thread', () => {
  it('decrypts an OpenSSH key (bcrypt, 16 rounds) in the worker; the result is the same as in-thread', async () => {
    const result = await parseImportFileOffThread(bytes('ed25519-rounds-16'), 'ed25519-rounds-16', { passphrase: PASS });
    const [draft] = result.drafts;
    if (draft?.kind !== 'ssh-key') throw new Error('no ssh-key draft');
    expect(parsePrivateKey(draft.secret.privateKey).fingerprint).toBe(await fingerprintOfPublicKeyFile(path.join(KEY_DIR, 'ed25519-rounds-16.pub')));
    expect(result.source).toBe('ssh-key');
  });

  it('main keeps running while the worker derives the key (the same work in-thread blocks it)', async () => {
    const inThread = performance.now();
    parsePrivateKey(bytes('ed25519-rounds-16').toString('utf8'), PASS);
    const blockingMs = performance.now() - inThread;
    const stall = await longestStall(parseImportFileOffThread(bytes('ed25519-rounds-16'), 'k', { passphrase: PASS }));
    expect(stall).toBeLessThan(Math.max(100, blockingMs / 2));
  });

  it('errors come back as the same translated AppErrors, with the file name', async () => {
    expect(await codeOf(parseImportFileOffThread(bytes('ed25519-rounds-16'), 'k', { passphrase: 'wrong' }))).toEqual({
      code: 'vault.keyWrongPassphrase',
      params: { fileName: 'k' },
    });
    expect(await codeOf(parseImportFileOffThread(bytes('ed25519-rounds-200'), 'slow', { passphrase: PASS }))).toMatchObject({
      code: 'vault.keyKdfTooCostly',
      params: { kdf: 'bcrypt', cost: 200 },
    });
  });

  it('a file that takes longer than the bound is stopped: vault.importTimedOut', async () => {
    const started = performance.now();
    const error = await codeOf(parseImportFileOffThread(bytes('ed25519-rounds-16'), 'id_ed25519', { passphrase: PASS }, { timeoutMs: 20 }));
    expect(error).toEqual({ code: 'vault.importTimedOut', params: { fileName: 'id_ed25519', seconds: 1 } });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
