import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FLOW_CONTROL, OutputBatcher, type FlowControlOptions } from './output-batcher';

/**
 * A deterministic model of a flood through the real OutputBatcher, on fake
 * timers, with the rates measured in `npm run bench:terminal` on a 2-core
 * machine: sshd + ssh2 deliver ~24 K characters a millisecond, xterm parses
 * ~20 K, a resume takes ~20 ms to bring new output (ack over the socket, window
 * adjust, the server's next packet), and the visible tab feeds xterm
 * everything that has arrived at most every 100 ms during a flood (as
 * renderer/terminal/write-pacer.ts does), acknowledging each write once parsed.
 *
 * It shows why the watermarks are 4 M / 3 M: with 2 M / 512 K a frame took
 * all that was in flight, so the stream stayed paused until xterm had parsed
 * it and xterm then sat idle while the pipeline refilled (in the model 100 MB
 * takes 10.3 s against 5.9 s; in the bench, 7.6 s against ~6 s, ratio 0.62).
 * The model is deterministic (fake timers), so its figures are exact.
 */
const SOURCE_CHARS_PER_MS = 24 * 1024;
const PARSE_CHARS_PER_MS = 20 * 1024;
const RESUME_MS = 20;
const TRANSIT_MS = 3;
const FLOOD_FRAME_MS = 100;
const FLOOD_CHARS = 64 * 1024;
const TOTAL = 100 * 1024 * 1024;

interface FloodResult {
  readonly ms: number;
  readonly peakUnacked: number;
}

/** Runs the whole flood on the fake clock and returns when the last character is parsed. */
function simulate(options: FlowControlOptions): FloodResult {
  const start = Date.now();
  let paused = false;
  let sourceReadyAt = start;
  let produced = 0;
  let parsedTotal = 0;
  let peakUnacked = 0;
  const arrived: number[] = [];
  let busy = false;
  let frameTimer: ReturnType<typeof setTimeout> | undefined;
  let floodWriteAt = Number.NEGATIVE_INFINITY;

  const batcher = new OutputBatcher(
    {
      emit: (text) => void setTimeout(() => (arrived.push(text.length), feedRenderer()), TRANSIT_MS),
      pause: () => (paused = true),
      resume: () => ((paused = false), (sourceReadyAt = Date.now() + RESUME_MS)),
    },
    options,
  );

  function feedRenderer(): void {
    if (busy || frameTimer || arrived.length === 0) return;
    const wait = floodWriteAt + FLOOD_FRAME_MS - Date.now();
    if (wait > 0) return void (frameTimer = setTimeout(() => ((frameTimer = undefined), feedRenderer()), wait));
    const length = arrived.reduce((sum, n) => sum + n, 0);
    arrived.length = 0;
    if (length >= FLOOD_CHARS) floodWriteAt = Date.now();
    busy = true;
    setTimeout(() => {
      busy = false;
      parsedTotal += length;
      batcher.ack(length);
      feedRenderer();
    }, Math.ceil(length / PARSE_CHARS_PER_MS));
  }

  let result: FloodResult | undefined;
  const source = setInterval(() => {
    if (!paused && Date.now() >= sourceReadyAt && produced < TOTAL) {
      const size = Math.min(SOURCE_CHARS_PER_MS, TOTAL - produced);
      produced += size;
      batcher.push(Buffer.alloc(size, 0x78));
      if (produced === TOTAL) batcher.end();
    }
    peakUnacked = Math.max(peakUnacked, batcher.stats().unacked);
    if (parsedTotal === TOTAL) {
      clearInterval(source);
      result = { ms: Date.now() - start, peakUnacked };
    }
  }, 1);
  vi.runAllTimers();
  if (!result) throw new Error('the flood never finished');
  return result;
}

describe('flow control under a flood (model of the bench:terminal pipeline)', () => {
  beforeEach(() => vi.useFakeTimers({ loopLimit: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  const parseBoundMs = TOTAL / PARSE_CHARS_PER_MS;

  it('keeps xterm parsing: 100 MB takes within 20% of xterm parsing it non-stop', () => {
    const { ms, peakUnacked } = simulate(DEFAULT_FLOW_CONTROL);
    expect(ms).toBeLessThan(parseBoundMs * 1.2);
    // and what waits in the renderer stays bounded by the high watermark plus one batch
    expect(peakUnacked).toBeLessThanOrEqual(DEFAULT_FLOW_CONTROL.highWatermark + DEFAULT_FLOW_CONTROL.maxBatchChars);
  });

  it('is clearly faster than the wide 2 M / 512 K hysteresis it replaced', () => {
    const wide = simulate({ ...DEFAULT_FLOW_CONTROL, highWatermark: 2048 * 1024, lowWatermark: 512 * 1024 });
    const current = simulate(DEFAULT_FLOW_CONTROL);
    expect(wide.ms).toBeGreaterThan(parseBoundMs * 1.5);
    expect(current.ms * 1.5).toBeLessThan(wide.ms);
  });
});
