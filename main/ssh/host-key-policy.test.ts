import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConsoleHostKeys } from './console-host-keys';
import { decodeKeyBlob, sha256Fingerprint } from './host-key-format';
import { HostKeyPolicy, type ConsoleLookup, type HostKeyDecision } from './host-key-policy';
import { HostKeyPrompts } from './host-key-prompts';
import { KnownHosts } from './known-hosts';
import { normalizeTarget } from './ssh-target';
import { EventRecorder } from '../testing/ssh/event-recorder';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const blob = (file: string) => {
  const [type = '', base64 = ''] = fixture(file).trim().split(' ');
  const key = decodeKeyBlob(type, base64);
  if (!key) throw new Error('bad fixture');
  return key;
};
const ED = blob('host_ed25519.pub');
const RSA = blob('host_rsa.pub');
const ECDSA = blob('host_ecdsa.pub');
const CONSOLE = parseConsoleHostKeys(fixture('console-ubuntu-2404-syslog.txt'));
const target = normalizeTarget({ host: '203.0.113.10', keyId: 'k' });

const errorCode = (decision: HostKeyDecision) => (decision.ok ? null : decision.error.code);

describe('HostKeyPolicy', () => {
  let dir: string;
  let knownHosts: KnownHosts;
  let events: EventRecorder;
  let prompts: HostKeyPrompts;
  const policy = (console?: ConsoleLookup | Error) =>
    new HostKeyPolicy({
      knownHosts,
      prompts,
      consoleHostKeys: console === undefined ? undefined : async () => {
        if (console instanceof Error) throw console;
        return console;
      },
    });

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-policy-'));
    knownHosts = KnownHosts.inDataDir(dir);
    events = new EventRecorder();
    prompts = new HostKeyPrompts(events, 5_000);
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('accepts a pinned key byte for byte and restricts negotiation to the pinned type', async () => {
    await knownHosts.pin(target.host, 22, ED);
    const check = await policy().prepare(target);
    expect(check.serverHostKeyAlgorithms).toEqual(['ssh-ed25519']);
    expect(await check.verify(ED)).toEqual({ ok: true, via: 'pinned', pinnedNow: false });
  });

  it('blocks a changed key with both fingerprints, even when the console would vouch for it', async () => {
    await knownHosts.pin(target.host, 22, ED);
    const other = Buffer.from(ED);
    other[other.length - 1] = (other[other.length - 1] ?? 0) ^ 0xff;
    const decision = await (await policy(CONSOLE ? { status: 'found', hostKeys: CONSOLE } : undefined).prepare(target)).verify(other);
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.error.code).toBe('ssh.hostKeyMismatch');
    expect(decision.error.params).toMatchObject({ expected: sha256Fingerprint(ED), presented: sha256Fingerprint(other), keyType: 'ssh-ed25519' });
    expect(events.prompts).toEqual([]);
  });

  it('pins silently when the console KEYS block has the key', async () => {
    if (!CONSOLE) throw new Error('fixture');
    const check = await policy({ status: 'found', hostKeys: CONSOLE }).prepare(target);
    expect(check.serverHostKeyAlgorithms).toEqual(['ssh-ed25519', 'ecdsa-sha2-nistp256', 'rsa-sha2-512', 'rsa-sha2-256']); // never SHA-1 ssh-rsa
    expect(await check.verify(RSA)).toEqual({ ok: true, via: 'console', pinnedNow: true });
    expect((await knownHosts.lookup(target.host, 22)).pinned.map((p) => p.keyType)).toEqual(['ssh-rsa']);
    expect(events.prompts).toEqual([]);
  });

  it('blocks a key the console does not list', async () => {
    if (!CONSOLE) throw new Error('fixture');
    const onlyEcdsa = { fingerprints: CONSOLE.fingerprints.slice(0, 1), keys: CONSOLE.keys.slice(0, 1) };
    const decision = await (await policy({ status: 'found', hostKeys: onlyEcdsa }).prepare(target)).verify(ED);
    expect(errorCode(decision)).toBe('ssh.hostKeyNotInConsole');
    expect((await knownHosts.lookup(target.host, 22)).pinned).toEqual([]);
  });

  it.each([
    [{ status: 'notReady' } as const, 'consoleNotReady'],
    [{ status: 'noConsole' } as const, 'noConsole'],
    [new Error('network down'), 'consoleError'],
    [undefined, 'noConsole'],
  ])('asks the user when the console cannot decide (%j -> %s); accepting pins', async (console, reason) => {
    events.onPrompt = (prompt) => prompts.answer(prompt.promptId, true);
    const decision = await (await policy(console).prepare(target)).verify(ED);
    expect(decision).toEqual({ ok: true, via: 'user', pinnedNow: true });
    expect(events.prompts[0]).toMatchObject({ host: target.host, port: 22, keyType: 'ssh-ed25519', fingerprint: sha256Fingerprint(ED), reason });
    expect((await knownHosts.lookup(target.host, 22)).pinned).toHaveLength(1);
  });

  it('asks with the MD5 fingerprint when the console only has MD5', async () => {
    const legacy = parseConsoleHostKeys(fixture('console-legacy-md5.txt'));
    if (!legacy) throw new Error('fixture');
    events.onPrompt = (prompt) => prompts.answer(prompt.promptId, false);
    const decision = await (await policy({ status: 'found', hostKeys: legacy }).prepare(target)).verify(ECDSA);
    expect(errorCode(decision)).toBe('ssh.hostKeyRejected');
    expect(events.prompts[0]).toMatchObject({ reason: 'consoleMd5Only', md5Fingerprint: 'MD5:01:cc:b9:13:41:35:cf:02:89:70:42:f9:19:83:84:62' });
    expect((await knownHosts.lookup(target.host, 22)).pinned).toEqual([]);
  });

  it('times out an unanswered prompt and tells the UI', async () => {
    prompts = new HostKeyPrompts(events, 30);
    const decision = await (await policy().prepare(target)).verify(ED);
    expect(errorCode(decision)).toBe('ssh.hostKeyPromptTimeout');
    expect(events.cancelledPrompts).toEqual([events.prompts[0]?.promptId]);
    expect(() => prompts.answer(events.prompts[0]?.promptId ?? '', true)).toThrow(expect.objectContaining({ code: 'ssh.hostKeyPromptUnknown' }));
  });

  it('refuses a key marked @revoked', async () => {
    await fs.writeFile(knownHosts.filePath, `@revoked ${target.host} ssh-ed25519 ${ED.toString('base64')}\n`);
    expect(errorCode(await (await policy().prepare(target)).verify(ED))).toBe('ssh.hostKeyRevoked');
  });
});
