/**
 * Host key decisions end to end against a REAL sshd with its own fresh host
 * keys: first use, pinning, key change, and EC2 console output (mocked AWS).
 */
import { EC2Client, GetConsoleOutputCommand } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { promises as fs } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSshd, type SshdFixture } from '../testing/sshd-fixture';
import { fetchConsoleHostKeys } from './console-host-keys';
import type { ConsoleHostKeysSource } from './host-key-policy';
import { fixtureManager, type FixtureManager } from '../testing/ssh/fixture-manager';

/** Console output as cloud-init prints it, carrying the fixture's REAL host keys. */
function consoleOutputFor(sshd: SshdFixture): string {
  const { ed25519, rsa } = sshd.hostKeys;
  const fp = (line: string) => `<14>Nov 27 04:00:09 ec2: ${line}`;
  return [
    '[    9.871264] cloud-init[512]: Cloud-init v. 24.3.1-0ubuntu0~24.04.2 running \'init\'',
    fp(''),
    fp('#############################################################'),
    fp('-----BEGIN SSH HOST KEY FINGERPRINTS-----'),
    fp(ed25519.fingerprintLine),
    fp(rsa.fingerprintLine),
    fp('-----END SSH HOST KEY FINGERPRINTS-----'),
    fp('#############################################################'),
    '-----BEGIN SSH HOST KEY KEYS-----',
    ed25519.publicLine,
    rsa.publicLine,
    '-----END SSH HOST KEY KEYS-----',
    '',
  ].join('\n');
}

describe('host keys against a real sshd', () => {
  let sshd: SshdFixture;
  beforeAll(async () => {
    sshd = await startSshd();
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  describe('bring-your-own server (no console)', () => {
    let ctx: FixtureManager;
    beforeEach(async () => {
      ctx = await fixtureManager(sshd);
    });
    afterEach(async () => {
      await ctx.dispose();
    });

    it('first use asks once, accepting pins, the next connect is silent', async () => {
      ctx.events.onPrompt = (prompt) => ctx.manager.answerHostKey(prompt.promptId, true);
      expect((await ctx.manager.exec(ctx.target(), 'echo one')).stdout).toBe('one\n');
      expect(ctx.events.prompts).toEqual([
        expect.objectContaining({
          host: sshd.host,
          port: sshd.port,
          keyType: 'ssh-ed25519',
          fingerprint: sshd.hostKeys.ed25519.fingerprint,
          reason: 'noConsole',
        }),
      ]);
      expect(await fs.readFile(ctx.knownHosts.filePath, 'utf8')).toBe(
        `[${sshd.host}]:${sshd.port} ${sshd.hostKeys.ed25519.publicLine.split(' ').slice(0, 2).join(' ')}\n`,
      );
      // A fresh manager (new connection) on the same data: pinned key matches, no question.
      const second = await fixtureManager(sshd);
      await fs.copyFile(ctx.knownHosts.filePath, second.knownHosts.filePath);
      expect((await second.manager.exec(second.target('rsaPem'), 'echo two')).stdout).toBe('two\n');
      expect(second.events.prompts).toEqual([]);
      await second.dispose();
    });

    it('declining the key refuses to connect and pins nothing', async () => {
      ctx.events.onPrompt = (prompt) => ctx.manager.answerHostKey(prompt.promptId, false);
      await expect(ctx.manager.exec(ctx.target(), 'true')).rejects.toMatchObject({ code: 'ssh.hostKeyRejected' });
      expect((await ctx.knownHosts.lookup(sshd.host, sshd.port)).pinned).toEqual([]);
    });

    it('a slow answer does not count against the connect timeout', async () => {
      const slow = await fixtureManager(sshd, { timing: { connectTimeoutMs: 1500 } });
      slow.events.onPrompt = (prompt) => setTimeout(() => slow.manager.answerHostKey(prompt.promptId, true), 2500);
      expect((await slow.manager.exec(slow.target(), 'echo late')).stdout).toBe('late\n');
      await slow.dispose();
    });
  });

  describe('EC2 console output', () => {
    const ec2Mock = mockClient(EC2Client);
    const ec2 = new EC2Client({ region: 'ap-northeast-2' });
    const consoleSource: ConsoleHostKeysSource = async () => {
      const hostKeys = await fetchConsoleHostKeys(ec2, 'i-0123456789abcdef0');
      return hostKeys ? { status: 'found', hostKeys } : { status: 'notReady' };
    };
    afterEach(() => ec2Mock.reset());

    it('pins silently when the console lists the server key', async () => {
      ec2Mock.on(GetConsoleOutputCommand).resolves({ Output: Buffer.from(consoleOutputFor(sshd)).toString('base64') });
      const ctx = await fixtureManager(sshd, { consoleHostKeys: consoleSource });
      expect((await ctx.manager.exec(ctx.target(), 'echo ok')).stdout).toBe('ok\n');
      expect(ctx.events.prompts).toEqual([]);
      expect((await ctx.knownHosts.lookup(sshd.host, sshd.port)).pinned.map((p) => p.fingerprint)).toEqual([sshd.hostKeys.ed25519.fingerprint]);
      await ctx.dispose();
    });

    it('negotiates the RSA key when the console only vouches for RSA, and pins that', async () => {
      const rsaOnly = consoleOutputFor(sshd)
        .split('\n')
        .filter((line) => !line.includes('ED25519') && !line.startsWith('ssh-ed25519'))
        .join('\n');
      ec2Mock.on(GetConsoleOutputCommand).resolves({ Output: Buffer.from(rsaOnly).toString('base64') });
      const ctx = await fixtureManager(sshd, { consoleHostKeys: consoleSource });
      expect((await ctx.manager.exec(ctx.target(), 'echo rsa')).stdout).toBe('rsa\n');
      expect((await ctx.knownHosts.lookup(sshd.host, sshd.port)).pinned.map((p) => p.fingerprint)).toEqual([sshd.hostKeys.rsa.fingerprint]);
      await ctx.dispose();
    });

    it('blocks when the console lists other keys', async () => {
      const otherKeys = await fs.readFile(`${__dirname}/fixtures/console-ubuntu-2404-syslog.txt`, 'utf8');
      ec2Mock.on(GetConsoleOutputCommand).resolves({ Output: Buffer.from(otherKeys).toString('base64') });
      const ctx = await fixtureManager(sshd, { consoleHostKeys: consoleSource });
      const error = await ctx.manager.exec(ctx.target(), 'true').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'ssh.hostKeyNotInConsole', params: { presented: sshd.hostKeys.ed25519.fingerprint } });
      expect(ctx.events.prompts).toEqual([]);
      await ctx.dispose();
    });

    it('asks the user while the console is still empty', async () => {
      ec2Mock.on(GetConsoleOutputCommand).resolves({});
      const ctx = await fixtureManager(sshd, { consoleHostKeys: consoleSource });
      ctx.events.onPrompt = (prompt) => ctx.manager.answerHostKey(prompt.promptId, true);
      expect((await ctx.manager.exec(ctx.target(), 'echo ok')).stdout).toBe('ok\n');
      expect(ctx.events.prompts.map((p) => p.reason)).toEqual(['consoleNotReady']);
      await ctx.dispose();
    });
  });

  describe('a changed host key', () => {
    it('is blocked with both fingerprints until the user forgets the old pin', async () => {
      const ctx = await fixtureManager(sshd);
      await ctx.trustFixture();
      const oldFingerprint = sshd.hostKeys.ed25519.fingerprint;
      await sshd.restart({ newHostKeys: true });
      expect(sshd.hostKeys.ed25519.fingerprint).not.toBe(oldFingerprint);

      const error = await ctx.manager.exec(ctx.target(), 'true').catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'ssh.hostKeyMismatch',
        params: { expected: oldFingerprint, presented: sshd.hostKeys.ed25519.fingerprint, keyType: 'ssh-ed25519' },
      });
      expect(String(error)).toContain(oldFingerprint);
      expect(ctx.events.prompts).toEqual([]); // no way to click through

      expect(await ctx.manager.forgetHost(sshd.host, sshd.port)).toBe(1);
      ctx.events.onPrompt = (prompt) => ctx.manager.answerHostKey(prompt.promptId, true);
      expect((await ctx.manager.exec(ctx.target(), 'echo again')).stdout).toBe('again\n');
      expect(ctx.events.prompts.map((p) => p.fingerprint)).toEqual([sshd.hostKeys.ed25519.fingerprint]);
      await ctx.dispose();
    });
  });
});
