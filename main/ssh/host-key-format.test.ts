import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeKeyBlob, hostKeyAlgorithmsFor, keyTypeOf, md5Fingerprint, sha256Fingerprint } from './host-key-format';

const fixtures = path.join(__dirname, 'fixtures');

describe.each(['host_ed25519.pub', 'host_rsa.pub', 'host_ecdsa.pub'])('%s', (file) => {
  const [type = '', base64 = ''] = readFileSync(path.join(fixtures, file), 'utf8').trim().split(' ');
  const blob = decodeKeyBlob(type, base64);
  const keygen = (hash: string) => execFileSync('ssh-keygen', ['-E', hash, '-l', '-f', path.join(fixtures, file)], { encoding: 'utf8' }).split(' ')[1];

  it('fingerprints exactly like ssh-keygen -l', () => {
    if (!blob) throw new Error('fixture key did not decode');
    expect(sha256Fingerprint(blob)).toBe(keygen('sha256'));
    expect(md5Fingerprint(blob)).toBe(keygen('md5'));
  });

  it('reads the type name inside the blob', () => {
    expect(blob && keyTypeOf(blob)).toBe(type);
  });
});

describe('key blobs', () => {
  it('rejects a blob whose inner type differs from the declared one', () => {
    const [, base64 = ''] = readFileSync(path.join(fixtures, 'host_ed25519.pub'), 'utf8').split(' ');
    expect(decodeKeyBlob('ssh-rsa', base64)).toBeNull();
    expect(decodeKeyBlob('ssh-ed25519', 'not base64!')).toBeNull();
    expect(keyTypeOf(Buffer.from([0, 0]))).toBeNull();
  });

  it('restricts negotiation to verifiable types, in preference order', () => {
    expect(hostKeyAlgorithmsFor(['ssh-rsa', 'ssh-ed25519'])).toEqual(['ssh-ed25519', 'rsa-sha2-512', 'rsa-sha2-256']);
    expect(hostKeyAlgorithmsFor(['ecdsa-sha2-nistp256'])).toEqual(['ecdsa-sha2-nistp256']);
    expect(hostKeyAlgorithmsFor(['ssh-dss'])).toBeUndefined();
    expect(hostKeyAlgorithmsFor([])).toBeUndefined();
  });
});
