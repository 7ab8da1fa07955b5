import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../common/errors';
import { parsePrivateKey } from '../ssh/private-key';
import { fingerprintOfPublicKeyFile, sshKeygenFingerprint } from '../../testing/vault/ssh-keygen';
import { parseImportFile } from './import-file';

const KEY_DIR = path.join(__dirname, 'fixtures', 'keys');
const PASS = 'correct horse';
const fixture = (name: string) => path.join(KEY_DIR, name);
const load = (name: string, passphrase?: string) => parseImportFile(readFileSync(fixture(name)), name, { passphrase });

function failure(name: string, passphrase?: string): { code: string; params: Record<string, string | number> } {
  try {
    load(name, passphrase);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, params: error.params ?? {} };
  }
  throw new Error(`${name} imported without an error`);
}

function importedKey(name: string, passphrase?: string) {
  const result = load(name, passphrase);
  expect(result.source).toBe('ssh-key');
  const [draft] = result.drafts;
  if (draft?.kind !== 'ssh-key') throw new Error('no ssh-key draft');
  return { draft, parsed: parsePrivateKey(draft.secret.privateKey) };
}

describe('private key import: formats, checked against ssh-keygen', () => {
  it.each([
    ['rsa-pem.pem', 'rsa', 2048, 'pem-rsa'],
    ['rsa-pkcs8.key', 'rsa', 2048, 'pkcs8'],
    ['ed25519-openssh', 'ed25519', 256, 'openssh'],
    ['rsa-openssh', 'rsa', 3072, 'openssh'],
    ['ecdsa-openssh.pem', 'ecdsa', 256, 'openssh'],
    ['ecdsa-p384-sec1.pem', 'ecdsa', 384, 'pem-ec'],
  ])('%s: %s %i bits, stored as imported, fingerprint = ssh-keygen', async (name, keyType, bits, format) => {
    const { draft, parsed } = importedKey(name);
    expect(parsed).toMatchObject({ keyType, bits, format, wasEncrypted: false });
    expect(draft.secret.privateKey).toBe(`${readFileSync(fixture(name), 'utf8').trim()}\n`);
    expect(parsed.fingerprint).toBe(await sshKeygenFingerprint(fixture(name)));
    expect(parsed.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it.each([
    ['ed25519-encrypted', 'ed25519'],
    ['rsa-pem-encrypted.pem', 'rsa'],
    ['rsa-pkcs8-encrypted.pem', 'rsa'],
  ])('%s with its passphrase: stored decrypted as OpenSSH, same fingerprint', async (name, keyType) => {
    const { draft, parsed } = importedKey(name, PASS);
    expect(parsed.keyType).toBe(keyType);
    expect(draft.secret.privateKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    expect(draft.secret.privateKey).not.toContain(PASS);
    expect(parsed.fingerprint).toBe(await sshKeygenFingerprint(fixture(name), PASS));
  });

  it.each([
    ['ed25519-v2.ppk', 'ed25519-openssh.pub', 'ed25519'],
    ['rsa-v2.ppk', 'rsa-pem.pem.pub', 'rsa'],
    ['rsa-v3.ppk', 'rsa-openssh.pub', 'rsa'],
    ['ecdsa-v3.ppk', 'ecdsa-openssh.pem.pub', 'ecdsa'],
  ])('PuTTY %s: fingerprint = ssh-keygen -l of the source key (%s)', async (name, pub, keyType) => {
    const { draft, parsed } = importedKey(name);
    expect(parsed.keyType).toBe(keyType);
    expect(draft.secret.privateKey).toMatch(/^PuTTY-User-Key-File-[23]: /);
    expect(parsed.fingerprint).toBe(await fingerprintOfPublicKeyFile(fixture(pub)));
  });

  it('encrypted PPK v2 with its passphrase: decrypted, MAC verified', async () => {
    const { draft, parsed } = importedKey('ed25519-v2-encrypted.ppk', PASS);
    expect(draft.secret.privateKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    expect(parsed.fingerprint).toBe(await fingerprintOfPublicKeyFile(fixture('ed25519-openssh.pub')));
  });

  it('the label comes from the file name', () => {
    expect(importedKey('rsa-pem.pem').draft.meta.label).toBe('rsa-pem');
    expect(importedKey('ed25519-v2.ppk').draft.meta.label).toBe('ed25519-v2');
  });

  it('CRLF line endings and a BOM are tolerated', () => {
    const text = `\uFEFF${readFileSync(fixture('ed25519-openssh'), 'utf8').replace(/\n/g, '\r\n')}`;
    const [draft] = parseImportFile(Buffer.from(text), 'id_ed25519').drafts;
    expect(draft?.kind).toBe('ssh-key');
  });
});

describe('private key import: errors say what the file is', () => {
  it.each([
    ['ed25519-encrypted', undefined, 'vault.keyNeedsPassphrase', {}],
    ['ed25519-encrypted', 'wrong', 'vault.keyWrongPassphrase', {}],
    ['rsa-pem-encrypted.pem', undefined, 'vault.keyNeedsPassphrase', {}],
    ['rsa-pem-encrypted.pem', 'wrong', 'vault.keyWrongPassphrase', {}],
    ['rsa-pkcs8-encrypted.pem', 'wrong', 'vault.keyWrongPassphrase', {}],
    ['ed25519-v2-encrypted.ppk', undefined, 'vault.keyNeedsPassphrase', {}],
    ['ed25519-v2-encrypted.ppk', 'wrong', 'vault.keyWrongPassphrase', {}],
    ['ed25519-v3-encrypted.ppk', PASS, 'vault.ppkEncryptedV3Unsupported', {}],
    ['tampered-v3.ppk', undefined, 'vault.keyMalformed', {}],
    ['dsa.pem', undefined, 'vault.keyUnsupportedType', { keyType: 'dsa' }],
    ['ed25519-openssh-cert.pub', undefined, 'vault.notPrivateKeyCertificate', { certificateKind: 'openssh' }],
    ['server-cert.pem', undefined, 'vault.notPrivateKeyCertificate', { certificateKind: 'x509' }],
    ['pgp-key.asc', undefined, 'vault.unrecognizedFile', { detected: 'PGP PRIVATE KEY BLOCK' }],
    ['notes.key', undefined, 'vault.unrecognizedFile', { detected: 'key' }],
    ['garbage.pem', undefined, 'vault.unrecognizedFile', { detected: 'binary' }],
  ])('%s (passphrase %s) -> %s', (name, passphrase, code, params) => {
    expect(failure(name, passphrase)).toEqual({ code, params: { ...params, fileName: name } });
  });

  it.each([['ed25519-openssh.pub'], ['id_ed25519.pub.txt'], ['rsa-public.pem']])(
    '%s -> vault.notPrivateKeyPublic naming its type and fingerprint',
    async (name) => {
      const error = failure(name);
      expect(error.code).toBe('vault.notPrivateKeyPublic');
      const expected = name === 'rsa-public.pem' ? await sshKeygenFingerprint(fixture('rsa-pkcs8.key')) : await fingerprintOfPublicKeyFile(fixture(name));
      expect(error.params).toEqual({ keyType: name === 'rsa-public.pem' ? 'rsa' : 'ed25519', fingerprint: expected, fileName: name });
    },
  );

  it('an empty file', () => {
    expect(() => parseImportFile(new Uint8Array(), 'id_rsa')).toThrow(expect.objectContaining({ code: 'vault.unrecognizedFile' }));
  });
});
