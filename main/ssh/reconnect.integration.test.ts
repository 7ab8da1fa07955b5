/** The server goes away mid-session, comes back, and the same terminal reconnects. */
import { describe, expect, it } from 'vitest';
import { trustedSshdPerSuite } from '../testing/ssh/fixture-manager';

describe('losing and regaining the server', () => {
  const env = trustedSshdPerSuite();

  it('reports connectionLost when sshd dies, then reconnects under the same session id', async () => {
    const id = await env.ctx.manager.openShell(env.ctx.target(), { cols: 90, rows: 30 });
    expect(await env.ctx.manager.runInTerminal(id, 'echo before-crash')).toEqual({ exitCode: 0 });
    const pending = env.ctx.manager.runInTerminal(id, 'sleep 30');
    const pendingError = pending.catch((e: unknown) => e);

    await env.sshd.restart(); // kills the listener and every session process, then starts again
    await env.ctx.events.waitFor(() => env.ctx.events.closedEvents.some((e) => e.sessionId === id), 'closed event');
    expect(env.ctx.events.closedEvents.filter((e) => e.sessionId === id).map((e) => e.reason)).toEqual(['ssh.connectionLost']);
    expect(await pendingError).toMatchObject({ code: 'ssh.connectionLost' });
    await expect(env.ctx.manager.runInTerminal(id, 'true')).rejects.toMatchObject({ code: 'ssh.sessionClosed' });

    await env.ctx.manager.reconnect(id);
    expect(await env.ctx.manager.runInTerminal(id, 'echo after-reconnect; stty size')).toEqual({ exitCode: 0 });
    const text = env.ctx.events.textOf(id);
    expect(text.indexOf('before-crash')).toBeLessThan(text.lastIndexOf('after-reconnect'));
    expect(text).toMatch(/30 90\r\n/); // the size survived the reconnect
    env.ctx.manager.close(id);
  });

  it('reconnect while still connected replaces the shell without a stale closed event', async () => {
    const id = await env.ctx.manager.openShell(env.ctx.target(), { cols: 80, rows: 24 });
    await env.ctx.manager.reconnect(id);
    expect(await env.ctx.manager.runInTerminal(id, 'true')).toEqual({ exitCode: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(env.ctx.events.closedEvents.filter((e) => e.sessionId === id)).toEqual([]);
    env.ctx.manager.close(id);
  });
});
