/**
 * A server printing as fast as it can while the renderer acknowledges
 * nothing: main must pause the SSH stream and stay bounded, then deliver
 * every byte in order once acks arrive.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOW_CONTROL } from './output-batcher';
import { trustedSshdPerSuite } from '../testing/ssh/fixture-manager';

const HIGH = DEFAULT_FLOW_CONTROL.highWatermark;
const BATCH = DEFAULT_FLOW_CONTROL.maxBatchChars;
// ssh2 keeps widening the channel window until its Readable buffer reaches its highWaterMark
// (2 MiB), after which the server may still send one more window (2 MiB): the hard bound.
const SSH2_BOUND = 2 * 1024 * 1024 + 2 * 1024 * 1024 + 32 * 1024;
const LINES = 1_500_000; // ~10 MB of output

describe('flow control with a flooding server', () => {
  const env = trustedSshdPerSuite();

  it('pauses at the high watermark, stays bounded, and resumes losslessly on acks', async () => {
    const id = await env.ctx.manager.openShell(env.ctx.target(), { cols: 120, rows: 40 });
    await env.ctx.manager.runInTerminal(id, 'true'); // the shell is up and integrated
    let acking = false;
    env.ctx.events.onData = (sessionId, text) => {
      if (acking) env.ctx.manager.ack(sessionId, text.length);
    };
    const start = env.ctx.events.textOf(id).length;
    env.ctx.manager.write(id, `seq 1 ${LINES}; echo FLOOD""-DONE\r`);

    await env.ctx.events.waitFor(() => env.ctx.manager.flowStats(id)?.paused === true, 'the stream to pause', 15_000);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const paused = env.ctx.manager.flowStats(id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const later = env.ctx.manager.flowStats(id);
    if (!paused || !later) throw new Error('no stats');
    expect(paused.paused).toBe(true);
    expect(paused.unacked).toBeGreaterThanOrEqual(HIGH);
    expect(paused.unacked).toBeLessThan(HIGH + 2 * BATCH);
    expect(paused.pending).toBeLessThan(2 * BATCH);
    expect(paused.streamBuffered).toBeLessThanOrEqual(SSH2_BOUND);
    expect(later.totalEmitted).toBe(paused.totalEmitted); // nothing more leaves main while paused
    expect(env.ctx.events.textOf(id)).not.toContain('FLOOD-DONE');
    const heapDuringPause = process.memoryUsage().heapUsed;

    acking = true;
    env.ctx.manager.ack(id, later.unacked);
    await env.ctx.events.waitForOutput(id, /FLOOD-DONE\r\n/, 60_000);

    const numbers = env.ctx.events
      .textOf(id)
      .slice(start)
      .split('\r\n')
      .map((line) => line.slice(line.lastIndexOf('\x07') + 1)) // the first number follows the OSC 633 C marker
      .filter((line) => /^\d+$/.test(line))
      .map(Number);
    expect(numbers.length).toBe(LINES);
    expect(numbers.every((n, i) => n === i + 1)).toBe(true);
    expect(env.ctx.manager.flowStats(id)?.paused).toBe(false);
    expect(heapDuringPause).toBeLessThan(512 * 1024 * 1024);
    env.ctx.manager.close(id);
  }, 90_000);
});
