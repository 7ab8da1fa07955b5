/**
 * Key files that ask for too much work, or whose parts do not belong together.
 * Fixture keys are made by ssh-keygen / openssl (fixtures/make-fixtures.sh).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../common/errors';
import { fingerprintOfPublicKeyFile } from '../../testing/vault/ssh-keygen';
import { parsePrivateKey } from '../ssh/private-key';
import { sshString, SshReader } from '../ssh/wire';
import { parseImportFile } from './import-file';

const KEY_DIR = path.join(__dirname, 'fixtures', 'keys');
const PASS = 'correct horse';
const fixture = (name: string) => path.join(KEY_DIR, name);
const LOCALES = path.resolve(__dirname, '../../../renderer/i18n/locales');
const texts = (lang: string) => JSON.parse(readFileSync(path.join(LOCALES, lang, 'vault.json'), 'utf8')) as { errors: Record<string, string> };

function failure(bytes: Uint8Array, name: string, passphrase?: string): { code: string; params: Record<string, string | number>; ms: number } {
  const start = performance.now();
  try {
    parseImportFile(bytes, name, { passphrase });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, params: error.params ?? {}, ms: performance.now() - start };
  }
  throw new Error(`${name} imported without an error`);
}

describe('key-derivation cost is capped before anything runs it', () => {
  it.each([
    ['ed25519-rounds-200', 'bcrypt', 200, 128],
    ['rsa-pkcs8-iter-2000000.pem', 'pbkdf2', 2_000_000, 1_000_000],
    ['rsa-pkcs8-scrypt-p16.pem', 'scrypt', 16384 * 8 * 16, 1 << 20],
  ])('%s (%s, %i) is refused at once, with or without a passphrase', (name, kdf, cost, max) => {
    for (const passphrase of [undefined, PASS]) {
      const error = failure(readFileSync(fixture(name)), name, passphrase);
      expect(error.code).toBe('vault.keyKdfTooCostly');
      expect(error.params).toEqual({ kdf, cost, max, fileName: name });
      expect(error.ms).toBeLessThan(500); // 200 bcrypt rounds alone take about 3 s
    }
  });

  it('the message names the fix, ssh-keygen -p -a 64 -f <file>, in both languages', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { vault: texts('en') }, ko: { vault: texts('ko') } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
    const { params } = failure(readFileSync(fixture('ed25519-rounds-200')), 'ed25519-rounds-200', PASS);
    for (const lng of ['en', 'ko']) {
      const text = i18n.t('vault:errors.keyKdfTooCostly', { lng, ...params });
      expect(text).toContain('ssh-keygen -p -a 64 -f ed25519-rounds-200');
      expect(text).toContain('200');
      expect(text).toContain('128');
    }
  });

  it.each([
    ['ed25519-rounds-16', 'ed25519-rounds-16.pub'],
    ['rsa-pkcs8-scrypt.pem', 'rsa-pkcs8-scrypt.pem.pub'],
    ['rsa-pkcs8-encrypted.pem', 'rsa-pkcs8.key.pub'],
  ])('%s (under the cap) imports with its passphrase', async (name, pub) => {
    const [draft] = parseImportFile(readFileSync(fixture(name)), name, { passphrase: PASS }).drafts;
    if (draft?.kind !== 'ssh-key') throw new Error('no ssh-key draft');
    expect(draft.secret.privateKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    expect(parsePrivateKey(draft.secret.privateKey).fingerprint).toBe(await fingerprintOfPublicKeyFile(fixture(pub)));
  });
});

/** An openssh-key-v1 file with its clear-text public key replaced by `publicBlob` (the private section untouched). */
function withOuterPublicKey(keyText: string, publicBlob: Buffer): string {
  const body = keyText.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
  const data = Buffer.from(body, 'base64');
  const magic = Buffer.from('openssh-key-v1\0', 'latin1');
  const reader = new SshReader(data.subarray(magic.length));
  const cipher = reader.readString();
  const kdf = reader.readString();
  const kdfOptions = reader.readString();
  const count = reader.readUInt32();
  reader.readString();
  const privateSection = reader.readString();
  const countBytes = Buffer.alloc(4);
  countBytes.writeUInt32BE(count);
  const rebuilt = Buffer.concat([magic, sshString(cipher), sshString(kdf), sshString(kdfOptions), countBytes, sshString(publicBlob), sshString(privateSection)]);
  const lines = rebuilt.toString('base64').match(/.{1,70}/g) ?? [];
  return ['-----BEGIN OPENSSH PRIVATE KEY-----', ...lines, '-----END OPENSSH PRIVATE KEY-----', ''].join('\n');
}

const publicBlobOf = (pubFile: string) => Buffer.from(readFileSync(fixture(pubFile), 'utf8').split(' ')[1] ?? '', 'base64');

describe('a key whose public half does not match its private half is refused (as OpenSSH does)', () => {
  it('the untouched key imports (the crafting helper keeps valid keys valid)', () => {
    const text = withOuterPublicKey(readFileSync(fixture('ed25519-openssh'), 'utf8'), publicBlobOf('ed25519-openssh.pub'));
    expect(parseImportFile(Buffer.from(text), 'id_ed25519').drafts).toHaveLength(1);
  });

  it.each([
    ['ed25519-openssh', 'ed25519-encrypted.pub', undefined],
    ['rsa-openssh', 'rsa-pem.pem.pub', undefined],
    ['ecdsa-openssh.pem', 'ed25519-openssh.pub', undefined],
    ['ed25519-encrypted', 'ed25519-openssh.pub', PASS],
  ])('%s carrying the public key of %s -> vault.keyMalformed', (name, otherPub, passphrase) => {
    const text = withOuterPublicKey(readFileSync(fixture(name), 'utf8'), publicBlobOf(otherPub));
    expect(failure(Buffer.from(text), 'crafted', passphrase).code).toBe('vault.keyMalformed');
  });

  it('ssh-keygen itself refuses the crafted file too (the test crafts what OpenSSH rejects)', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const { run } = await import('../../testing/child-process');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onramp-crafted-'));
    const file = path.join(dir, 'crafted');
    await writeFile(file, withOuterPublicKey(readFileSync(fixture('ed25519-openssh'), 'utf8'), publicBlobOf('ed25519-encrypted.pub')), { mode: 0o600 });
    const result = await run('ssh-keygen', ['-y', '-f', file]);
    await rm(dir, { recursive: true, force: true });
    expect(result.code).not.toBe(0);
  });
});
