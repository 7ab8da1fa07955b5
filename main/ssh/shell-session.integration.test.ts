/** Terminals against a REAL OpenSSH server (see main/testing/sshd-fixture.ts). */
import { describe, expect, it } from 'vitest';
import { trustedSshdPerSuite } from '../testing/ssh/fixture-manager';

describe('PTY shells on a real sshd', () => {
  const env = trustedSshdPerSuite();

  it.each(['rsaPem', 'ed25519'])('opens a shell with the %s key, fetched from the vault in memory', async (keyId) => {
    const id = await env.ctx.manager.openShell(env.ctx.target(keyId, { keyId: `${keyId}` }), { cols: 80, rows: 24 });
    env.ctx.manager.write(id, 'echo "TERM=$TERM user=$(id -un)"\r');
    await env.ctx.events.waitForOutput(id, /TERM=xterm-256color user=onramp/);
    env.ctx.manager.close(id);
    await env.ctx.events.waitFor(() => env.ctx.events.closedEvents.some((e) => e.sessionId === id), 'closed event');
    expect(env.ctx.events.closedEvents.find((e) => e.sessionId === id)?.reason).toBe('ssh.closedByUser');
    expect(env.ctx.keyRequests).toContain(keyId);
  });

  it('resizing the PTY changes what stty size reports', async () => {
    const id = await env.ctx.manager.openShell(env.ctx.target(), { cols: 80, rows: 24 });
    expect(await env.ctx.manager.runInTerminal(id, 'stty size')).toEqual({ exitCode: 0 });
    expect(env.ctx.events.textOf(id)).toMatch(/[^\d]24 80\r\n/);
    env.ctx.manager.resize(id, 120, 40);
    expect(await env.ctx.manager.runInTerminal(id, 'stty size')).toEqual({ exitCode: 0 });
    expect(env.ctx.events.textOf(id)).toMatch(/[^\d]40 120\r\n/);
    env.ctx.manager.close(id);
  });

  it('runInTerminal reports exit codes 0, 1 and 7 through invisible OSC 633 markers', async () => {
    const id = await env.ctx.manager.openShell(env.ctx.target(), { cols: 100, rows: 30 });
    expect(await env.ctx.manager.runInTerminal(id, 'true')).toEqual({ exitCode: 0 });
    expect(await env.ctx.manager.runInTerminal(id, 'false')).toEqual({ exitCode: 1 });
    expect(await env.ctx.manager.runInTerminal(id, '(exit 7)')).toEqual({ exitCode: 7 });
    // Half-typed input at the prompt is cleared, not prefixed to our command.
    env.ctx.manager.write(id, 'echo half-typed');
    await env.ctx.events.waitForOutput(id, /echo half-typed$/);
    expect(await env.ctx.manager.runInTerminal(id, 'echo clean-line')).toEqual({ exitCode: 0 });
    expect(env.ctx.events.textOf(id)).toContain('\x07clean-line\r\n');
    expect(env.ctx.events.textOf(id)).not.toContain('half-typedecho');
    // Output cannot forge the end marker: it does not know the nonce.
    const forged = env.ctx.manager.runInTerminal(id, "printf '\\033]633;D;0;00000000000000000000000000000000\\007'; sleep 0.3; exit_code() { return 5; }; exit_code");
    expect(await forged).toEqual({ exitCode: 5 });
    const text = env.ctx.events.textOf(id);
    // The integration line itself was never echoed, and history stays clean.
    expect(text).not.toContain('base64 -d');
    expect(await env.ctx.manager.runInTerminal(id, `test "$(history | grep -c '[b]ase64 -d')" = 0`)).toEqual({ exitCode: 0 });
    env.ctx.manager.close(id);
  });

  it('runs several shells over one shared connection, each with its own output', async () => {
    const before = env.ctx.keyRequests.length;
    const target = env.ctx.target('ed25519');
    const [a, b] = await Promise.all([
      env.ctx.manager.openShell(target, { cols: 80, rows: 24 }),
      env.ctx.manager.openShell(target, { cols: 80, rows: 24 }),
    ]);
    if (!a || !b) throw new Error('no session ids');
    env.ctx.manager.write(a, 'echo only-in-a\r');
    env.ctx.manager.write(b, 'echo only-in-b\r');
    await env.ctx.events.waitForOutput(a, /(?<!echo )only-in-a\r\n/);
    await env.ctx.events.waitForOutput(b, /(?<!echo )only-in-b\r\n/);
    expect(env.ctx.events.textOf(a)).not.toContain('only-in-b');
    expect(env.ctx.keyRequests.length - before).toBeLessThanOrEqual(1);
    env.ctx.manager.close(a);
    env.ctx.manager.close(b);
  });

  it('reports the shell exiting on its own', async () => {
    const id = await env.ctx.manager.openShell(env.ctx.target(), { cols: 80, rows: 24 });
    env.ctx.manager.write(id, 'exit\r');
    await env.ctx.events.waitFor(() => env.ctx.events.closedEvents.some((e) => e.sessionId === id), 'closed event');
    expect(env.ctx.events.closedEvents.find((e) => e.sessionId === id)?.reason).toBe('ssh.shellExited');
    await expect(env.ctx.manager.runInTerminal(id, 'true')).rejects.toMatchObject({ code: 'ssh.sessionClosed' });
  });

  it('closes every shell when the window that owned them goes away', async () => {
    const target = env.ctx.target('ed25519');
    const ids = await Promise.all([0, 1].map(() => env.ctx.manager.openShell(target, { cols: 80, rows: 24 })));
    env.ctx.manager.closeAllShells();
    await env.ctx.events.waitFor(() => ids.every((id) => env.ctx.events.closedEvents.some((e) => e.sessionId === id)), 'closed events');
    for (const id of ids) {
      expect(env.ctx.events.closedEvents.find((e) => e.sessionId === id)?.reason).toBe('ssh.closedByUser');
      expect(() => env.ctx.manager.write(id, 'x')).toThrow();
    }
  });
});
