/** The server goes away mid-session, comes back, and the same terminal reconnects. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdFixture } from '../testing/sshd-fixture';
import { fixtureManager, type FixtureManager } from './test-support/fixture-manager';

describe('losing and regaining the server', () => {
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

  it('reports connectionLost when sshd dies, then reconnects under the same session id', async () => {
    const id = await ctx.manager.openShell(ctx.target(), { cols: 90, rows: 30 });
    expect(await ctx.manager.runInTerminal(id, 'echo before-crash')).toEqual({ exitCode: 0 });
    const pending = ctx.manager.runInTerminal(id, 'sleep 30');
    const pendingError = pending.catch((e: unknown) => e);

    await sshd.restart(); // kills the listener and every session process, then starts again
    await ctx.events.waitFor(() => ctx.events.closedEvents.some((e) => e.sessionId === id), 'closed event');
    expect(ctx.events.closedEvents.filter((e) => e.sessionId === id).map((e) => e.reason)).toEqual(['ssh.connectionLost']);
    expect(await pendingError).toMatchObject({ code: 'ssh.connectionLost' });
    await expect(ctx.manager.runInTerminal(id, 'true')).rejects.toMatchObject({ code: 'ssh.sessionClosed' });

    await ctx.manager.reconnect(id);
    expect(await ctx.manager.runInTerminal(id, 'echo after-reconnect; stty size')).toEqual({ exitCode: 0 });
    const text = ctx.events.textOf(id);
    expect(text.indexOf('before-crash')).toBeLessThan(text.lastIndexOf('after-reconnect'));
    expect(text).toMatch(/30 90\r\n/); // the size survived the reconnect
    ctx.manager.close(id);
  });

  it('reconnect while still connected replaces the shell without a stale closed event', async () => {
    const id = await ctx.manager.openShell(ctx.target(), { cols: 80, rows: 24 });
    await ctx.manager.reconnect(id);
    expect(await ctx.manager.runInTerminal(id, 'true')).toEqual({ exitCode: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ctx.events.closedEvents.filter((e) => e.sessionId === id)).toEqual([]);
    ctx.manager.close(id);
  });
});
