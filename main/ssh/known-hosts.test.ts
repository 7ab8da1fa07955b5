import { execFileSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeKeyBlob, sha256Fingerprint } from './host-key-format';
import { KnownHosts } from './known-hosts';

const fixtureLine = (file: string) => readFileSync(path.join(__dirname, 'fixtures', file), 'utf8').trim();
const blobOf = (line: string) => {
  const [type = '', base64 = ''] = line.split(' ');
  const blob = decodeKeyBlob(type, base64);
  if (!blob) throw new Error('bad key');
  return blob;
};
const ED = blobOf(fixtureLine('host_ed25519.pub'));
const RSA = blobOf(fixtureLine('host_rsa.pub'));
const ECDSA = blobOf(fixtureLine('host_ecdsa.pub'));

describe('KnownHosts', () => {
  let dir: string;
  let store: KnownHosts;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-known-hosts-'));
    store = KnownHosts.inDataDir(dir);
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const keygenFind = (host: string) => execFileSync('ssh-keygen', ['-F', host, '-f', store.filePath], { encoding: 'utf8' });

  it('starts empty when the file does not exist', async () => {
    expect(await store.lookup('203.0.113.10', 22)).toEqual({ pinned: [], revoked: [] });
  });

  it('pins in OpenSSH format that ssh-keygen -F finds (host and [host]:port)', async () => {
    await store.pin('203.0.113.10', 22, ED);
    await store.pin('203.0.113.10', 2222, RSA);
    const text = await fs.readFile(store.filePath, 'utf8');
    expect(text).toBe(`203.0.113.10 ssh-ed25519 ${ED.toString('base64')}\n[203.0.113.10]:2222 ssh-rsa ${RSA.toString('base64')}\n`);
    expect(keygenFind('203.0.113.10')).toContain('ssh-ed25519');
    expect(keygenFind('[203.0.113.10]:2222')).toContain('ssh-rsa');
    const pins = await store.lookup('203.0.113.10', 2222);
    expect(pins.pinned.map((p) => [p.keyType, p.fingerprint])).toEqual([['ssh-rsa', sha256Fingerprint(RSA)]]);
  });

  it('writes atomically with mode 0600 and leaves no temp files', async () => {
    await Promise.all([store.pin('a.example', 22, ED), store.pin('b.example', 22, RSA), store.pin('c.example', 22, ECDSA)]);
    expect((await fs.stat(store.filePath)).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(dir)).toEqual(['known_hosts']);
    expect((await fs.readFile(store.filePath, 'utf8')).trim().split('\n')).toHaveLength(3);
  });

  it('does not duplicate an existing pin', async () => {
    await store.pin('a.example', 22, ED);
    await store.pin('A.EXAMPLE', 22, ED);
    expect((await fs.readFile(store.filePath, 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('tells its listeners about a new pin once, not about a key already pinned, and stops when asked', async () => {
    let heard = 0;
    const stop = store.onPinned(() => (heard += 1));
    await store.pin('203.0.113.10', 22, ED);
    await store.pin('203.0.113.10', 22, ED);
    expect(heard).toBe(1);
    stop();
    await store.pin('203.0.113.10', 22, RSA);
    expect(heard).toBe(1);
  });

  it('reads hashed entries written by ssh-keygen -H, wildcards and negations', async () => {
    await fs.writeFile(store.filePath, `hashed.example ssh-ed25519 ${ED.toString('base64')}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', store.filePath], { stdio: 'ignore' });
    const hashed = await fs.readFile(store.filePath, 'utf8');
    expect(hashed).toMatch(/^\|1\|/);
    await fs.appendFile(
      store.filePath,
      [
        '# managed by hand',
        `*.wild.example,!bad.wild.example ssh-rsa ${RSA.toString('base64')}`,
        `@cert-authority *.example ssh-ed25519 ${ED.toString('base64')}`,
        'garbage line that is not a key',
        '',
      ].join('\n'),
    );
    expect((await store.lookup('hashed.example', 22)).pinned.map((p) => p.keyType)).toEqual(['ssh-ed25519']);
    expect((await store.lookup('www.wild.example', 22)).pinned.map((p) => p.keyType)).toEqual(['ssh-rsa']);
    expect((await store.lookup('bad.wild.example', 22)).pinned).toEqual([]);
    expect((await store.lookup('other.example', 22)).pinned).toEqual([]); // @cert-authority is not a pin
  });

  it('reports @revoked keys separately', async () => {
    await fs.writeFile(store.filePath, `@revoked revoked.example ssh-ed25519 ${ED.toString('base64')}\n`);
    const pins = await store.lookup('revoked.example', 22);
    expect(pins.pinned).toEqual([]);
    expect(pins.revoked.map((p) => p.fingerprint)).toEqual([sha256Fingerprint(ED)]);
  });

  it('forgets exactly one host, keeping comments, other names and other hosts', async () => {
    const original = [
      '# keep me',
      `a.example,b.example ssh-ed25519 ${ED.toString('base64')}`,
      `[a.example]:2222 ssh-rsa ${RSA.toString('base64')}`,
      `a.example ssh-rsa ${RSA.toString('base64')}`,
      'not a key line',
    ];
    await fs.writeFile(store.filePath, `${original.join('\n')}\n`);
    expect(await store.forget('a.example', 22)).toBe(2);
    expect((await fs.readFile(store.filePath, 'utf8')).split('\n')).toEqual([
      '# keep me',
      `b.example ssh-ed25519 ${ED.toString('base64')}`,
      `[a.example]:2222 ssh-rsa ${RSA.toString('base64')}`,
      'not a key line',
      '',
    ]);
    expect(await store.forget('a.example', 22)).toBe(0);
  });

  it('forgets hashed entries too', async () => {
    await fs.writeFile(store.filePath, `hashed.example ssh-ed25519 ${ED.toString('base64')}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', store.filePath], { stdio: 'ignore' });
    expect(await store.forget('hashed.example', 22)).toBe(1);
    expect((await store.lookup('hashed.example', 22)).pinned).toEqual([]);
  });
});
