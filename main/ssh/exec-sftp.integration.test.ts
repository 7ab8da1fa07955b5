/** exec and SFTP against a REAL OpenSSH server. */
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdFixture } from '../testing/sshd-fixture';
import { fixtureManager, type FixtureManager } from '../testing/ssh/fixture-manager';

describe('exec and SFTP on a real sshd', () => {
  let sshd: SshdFixture;
  let ctx: FixtureManager;
  const remoteDir = `/home/onramp/onramp-test-${process.pid}-${Date.now()}`;
  beforeAll(async () => {
    sshd = await startSshd();
    ctx = await fixtureManager(sshd);
    await ctx.trustFixture();
  });
  afterAll(async () => {
    await fs.rm(remoteDir, { recursive: true, force: true });
    await ctx?.dispose();
    await sshd?.stop();
  });

  it('returns exit code, stdout and stderr separately', async () => {
    const result = await ctx.manager.exec(ctx.target('rsaPem'), 'echo out; echo err >&2; exit 3');
    expect(result).toEqual({ code: 3, signal: null, stdout: 'out\n', stderr: 'err\n', truncated: false });
  });

  it('runs sudo without a password (the fixture user is set up like ubuntu on EC2)', async () => {
    expect((await ctx.manager.exec(ctx.target(), 'sudo -n id -un')).stdout).toBe('root\n');
  });

  it('passes stdin and reports a signal death', async () => {
    expect((await ctx.manager.exec(ctx.target(), 'tr a-z A-Z', { stdin: 'hello' })).stdout).toBe('HELLO');
    const killed = await ctx.manager.exec(ctx.target(), 'kill -TERM $$');
    expect(killed).toMatchObject({ code: null, signal: 'SIGTERM' });
  });

  it('caps output and times out', async () => {
    const capped = await ctx.manager.exec(ctx.target(), 'head -c 100000 /dev/zero', { maxOutputBytes: 1000 });
    expect(capped.stdout).toHaveLength(1000);
    expect(capped.truncated).toBe(true);
    await expect(ctx.manager.exec(ctx.target(), 'sleep 5', { timeoutMs: 200 })).rejects.toMatchObject({ code: 'ssh.execTimeout' });
  });

  it('writes a file over SFTP with the requested mode, replacing an old one atomically', async () => {
    await ctx.manager.exec(ctx.target(), `mkdir -p ${remoteDir}`);
    const file = `${remoteDir}/site.conf`;
    await ctx.manager.writeFile(ctx.target(), file, 'first\n', 0o600);
    await ctx.manager.writeFile(ctx.target(), file, Buffer.from('server { listen 80; } # 한글\n'), 0o640);
    expect(await fs.readFile(file, 'utf8')).toBe('server { listen 80; } # 한글\n');
    const stat = await fs.stat(file);
    expect(stat.mode & 0o777).toBe(0o640);
    expect(await fs.readdir(remoteDir)).toEqual(['site.conf']); // no temp file left
  });

  it('reports an SFTP failure with the path', async () => {
    await expect(ctx.manager.writeFile(ctx.target(), '/root/forbidden.txt', 'x', 0o644)).rejects.toMatchObject({
      code: 'ssh.sftpFailed',
      params: { path: '/root/forbidden.txt' },
    });
  });
});
