/** Terminals against a REAL OpenSSH server (see main/testing/sshd-fixture.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdFixture } from '../testing/sshd-fixture';
import { fixtureManager, type FixtureManager } from './test-support/fixture-manager';

describe('PTY shells on a real sshd', () => {
  let sshd: SshdFixture;
  let ctx: FixtureManager;
  beforeAll(async () => {
    sshd = await startSshd();
    ctx = await fixtureManager(sshd);
    await ctx.trustFixture();
  });
  afterAll(async () => {
    await ctx?.dispose();
    await sshd?.stop();
  });

  it.each(['rsaPem', 'ed25519'])('opens a shell with the %s key, fetched from the vault in memory', async (keyId) => {
    const id = await ctx.manager.openShell(ctx.target(keyId, { keyId: `${keyId}` }), { cols: 80, rows: 24 });
    ctx.manager.write(id, 'echo "TERM=$TERM user=$(id -un)"\r');
    await ctx.events.waitForOutput(id, /TERM=xterm-256color user=onramp/);
    ctx.manager.close(id);
    await ctx.events.waitFor(() => ctx.events.closedEvents.some((e) => e.sessionId === id), 'closed event');
    expect(ctx.events.closedEvents.find((e) => e.sessionId === id)?.reason).toBe('ssh.closedByUser');
    expect(ctx.keyRequests).toContain(keyId);
  });

  it('resizing the PTY changes what stty size reports', async () => {
    const id = await ctx.manager.openShell(ctx.target(), { cols: 80, rows: 24 });
    expect(await ctx.manager.runInTerminal(id, 'stty size')).toEqual({ exitCode: 0 });
    expect(ctx.events.textOf(id)).toMatch(/[^\d]24 80\r\n/);
    ctx.manager.resize(id, 120, 40);
    expect(await ctx.manager.runInTerminal(id, 'stty size')).toEqual({ exitCode: 0 });
    expect(ctx.events.textOf(id)).toMatch(/[^\d]40 120\r\n/);
    ctx.manager.close(id);
  });

  it('runInTerminal reports exit codes 0, 1 and 7 through invisible OSC 633 markers', async () => {
    const id = await ctx.manager.openShell(ctx.target(), { cols: 100, rows: 30 });
    expect(await ctx.manager.runInTerminal(id, 'true')).toEqual({ exitCode: 0 });
    expect(await ctx.manager.runInTerminal(id, 'false')).toEqual({ exitCode: 1 });
    expect(await ctx.manager.runInTerminal(id, '(exit 7)')).toEqual({ exitCode: 7 });
    // Half-typed input at the prompt is cleared, not prefixed to our command.
    ctx.manager.write(id, 'echo half-typed');
    await ctx.events.waitForOutput(id, /echo half-typed$/);
    expect(await ctx.manager.runInTerminal(id, 'echo clean-line')).toEqual({ exitCode: 0 });
    expect(ctx.events.textOf(id)).toContain('\x07clean-line\r\n');
    expect(ctx.events.textOf(id)).not.toContain('half-typedecho');
    // Output cannot forge the end marker: it does not know the nonce.
    const forged = ctx.manager.runInTerminal(id, "printf '\\033]633;D;0;00000000000000000000000000000000\\007'; sleep 0.3; exit_code() { return 5; }; exit_code");
    expect(await forged).toEqual({ exitCode: 5 });
    const text = ctx.events.textOf(id);
    // The integration line itself was never echoed, and history stays clean.
    expect(text).not.toContain('base64 -d');
    expect(await ctx.manager.runInTerminal(id, `test "$(history | grep -c '[b]ase64 -d')" = 0`)).toEqual({ exitCode: 0 });
    ctx.manager.close(id);
  });

  it('runs several shells over one shared connection, each with its own output', async () => {
    const before = ctx.keyRequests.length;
    const target = ctx.target('ed25519');
    const [a, b] = await Promise.all([
      ctx.manager.openShell(target, { cols: 80, rows: 24 }),
      ctx.manager.openShell(target, { cols: 80, rows: 24 }),
    ]);
    if (!a || !b) throw new Error('no session ids');
    ctx.manager.write(a, 'echo only-in-a\r');
    ctx.manager.write(b, 'echo only-in-b\r');
    await ctx.events.waitForOutput(a, /(?<!echo )only-in-a\r\n/);
    await ctx.events.waitForOutput(b, /(?<!echo )only-in-b\r\n/);
    expect(ctx.events.textOf(a)).not.toContain('only-in-b');
    expect(ctx.keyRequests.length - before).toBeLessThanOrEqual(1);
    ctx.manager.close(a);
    ctx.manager.close(b);
  });

  it('reports the shell exiting on its own', async () => {
    const id = await ctx.manager.openShell(ctx.target(), { cols: 80, rows: 24 });
    ctx.manager.write(id, 'exit\r');
    await ctx.events.waitFor(() => ctx.events.closedEvents.some((e) => e.sessionId === id), 'closed event');
    expect(ctx.events.closedEvents.find((e) => e.sessionId === id)?.reason).toBe('ssh.shellExited');
    await expect(ctx.manager.runInTerminal(id, 'true')).rejects.toMatchObject({ code: 'ssh.sessionClosed' });
  });
});
