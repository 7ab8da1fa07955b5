/** Connection failures produce the right translated codes (real sshd, real sockets). */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../testing/child-process';
import { startSshd, type SshdFixture } from '../testing/sshd-fixture';
import { fixtureManager, type FixtureManager } from '../testing/ssh/fixture-manager';

async function generateKey(args: string[]): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-otherkey-'));
  execFileSync('ssh-keygen', ['-q', ...args, '-f', path.join(dir, 'k')]);
  const key = await fs.readFile(path.join(dir, 'k'), 'utf8');
  await fs.rm(dir, { recursive: true, force: true });
  return key;
}

describe('connection failures', () => {
  let sshd: SshdFixture;
  let ctx: FixtureManager;
  beforeAll(async () => {
    sshd = await startSshd();
    ctx = await fixtureManager(sshd, {
      timing: { connectTimeoutMs: 1000 },
      extraKeys: {
        stranger: await generateKey(['-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', '']),
        encrypted: await generateKey(['-t', 'ed25519', '-N', 'secret passphrase']),
        garbage: '-----BEGIN RSA PRIVATE KEY-----\nnot really a key\n-----END RSA PRIVATE KEY-----\n',
      },
    });
    await ctx.trustFixture();
  });
  afterAll(async () => {
    await ctx?.dispose();
    await sshd?.stop();
  });

  it('a key the server does not know -> ssh.authFailed, explaining key or user', async () => {
    const error = await ctx.manager.exec(ctx.target('stranger'), 'true').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ssh.authFailed', params: { user: 'onramp', suggestions: 'ubuntu, ec2-user, admin, root' } });
    expect(String(error)).not.toContain('PRIVATE KEY');
  });

  it('a wrong user name -> ssh.authFailed suggesting the other default users', async () => {
    const error = await ctx.manager.exec(ctx.target('ed25519', { user: 'ubuntu' }), 'true').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ssh.authFailed', params: { user: 'ubuntu', suggestions: 'ec2-user, admin' } });
  });

  it('nothing listening -> ssh.connectionRefused', async () => {
    const port = await freePort();
    await expect(ctx.manager.exec(ctx.target('ed25519', { port }), 'true')).rejects.toMatchObject({ code: 'ssh.connectionRefused' });
  });

  it('a server that never speaks SSH -> ssh.connectTimeout', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const started = Date.now();
    await expect(ctx.manager.exec(ctx.target('ed25519', { port }), 'true')).rejects.toMatchObject({ code: 'ssh.connectTimeout' });
    expect(Date.now() - started).toBeLessThan(3000);
    silent.close();
  });

  it('an unknown host name -> ssh.hostNotFound', async () => {
    await expect(ctx.manager.exec(ctx.target('ed25519', { host: 'no-such-host.invalid' }), 'true')).rejects.toMatchObject({
      code: 'ssh.hostNotFound',
    });
  });

  it('key problems are caught before connecting and never echo the key', async () => {
    const encrypted = await ctx.manager.exec(ctx.target('encrypted'), 'true').catch((e: unknown) => e);
    expect(encrypted).toMatchObject({ code: 'ssh.keyEncrypted', params: { keyId: 'encrypted' } });
    const garbage = await ctx.manager.exec(ctx.target('garbage'), 'true').catch((e: unknown) => e);
    expect(garbage).toMatchObject({ code: 'ssh.keyInvalid' });
    expect(String(garbage)).not.toContain('not really a key');
    await expect(ctx.manager.exec(ctx.target('missing-from-vault'), 'true')).rejects.toMatchObject({ code: 'ssh.keyUnavailable' });
  });

  it('invalid targets and sizes are rejected with typed errors', async () => {
    await expect(ctx.manager.exec({ host: '-oProxyCommand=x', keyId: 'k' }, 'true')).rejects.toMatchObject({ code: 'ssh.invalidTarget' });
    await expect(ctx.manager.openShell(ctx.target(), { cols: 0, rows: 24 })).rejects.toMatchObject({ code: 'ssh.invalidTerminalSize' });
    expect(() => ctx.manager.write('no-such-session', 'x')).toThrow(expect.objectContaining({ code: 'ssh.sessionNotFound' }));
  });
});
