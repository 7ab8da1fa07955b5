import { Client } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdFixture } from './sshd-fixture';

function execEcho(fixture: SshdFixture, privateKey: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    client
      .on('ready', () => {
        client.exec('echo hello-from-sshd', (error, stream) => {
          if (error) return reject(error);
          let out = '';
          stream.on('data', (chunk: Buffer) => (out += chunk.toString()));
          stream.on('close', () => (client.end(), resolve(out)));
        });
      })
      .on('error', reject)
      .connect({ host: fixture.host, port: fixture.port, username: fixture.user, privateKey, hostVerifier: () => true });
  });
}

describe('sshd fixture', () => {
  let fixture: SshdFixture;
  beforeAll(async () => {
    fixture = await startSshd();
  });
  afterAll(async () => {
    await fixture?.stop();
  });

  it('serves ssh2 with both client keys and reports ssh-keygen fingerprints', async () => {
    expect(await execEcho(fixture, fixture.keys.rsaPem.privateKey)).toBe('hello-from-sshd\n');
    expect(await execEcho(fixture, fixture.keys.ed25519.privateKey)).toBe('hello-from-sshd\n');
    expect(fixture.keys.rsaPem.privateKey).toContain('-----BEGIN RSA PRIVATE KEY-----');
    expect(fixture.keys.ed25519.privateKey).toContain('-----BEGIN OPENSSH PRIVATE KEY-----');
    expect(fixture.hostKeys.ed25519.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(fixture.hostKeys.rsa.fingerprintLine).toMatch(/^3072 SHA256:\S+ root@ip-127-0-0-1 \(RSA\)$/);
  });
});
