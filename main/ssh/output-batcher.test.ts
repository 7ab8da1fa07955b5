import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutputBatcher, type FlowControlOptions } from './output-batcher';

function setup(options: Partial<FlowControlOptions> = {}) {
  const emitted: string[] = [];
  const calls: string[] = [];
  const batcher = new OutputBatcher(
    { emit: (text) => emitted.push(text), pause: () => calls.push('pause'), resume: () => calls.push('resume') },
    { intervalMs: 16, maxBatchChars: 64 * 1024, highWatermark: 512 * 1024, lowWatermark: 128 * 1024, ...options },
  );
  return { batcher, emitted, calls };
}

describe('OutputBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends output after a quiet frame at once (a keystroke echo), and batches what follows within one frame', () => {
    const { batcher, emitted } = setup();
    batcher.push(Buffer.from('$'));
    expect(emitted).toEqual(['$']);
    batcher.push(Buffer.from('hello '));
    batcher.push(Buffer.from('world'));
    expect(emitted).toEqual(['$']);
    vi.advanceTimersByTime(16);
    expect(emitted).toEqual(['$', 'hello world']);
    vi.advanceTimersByTime(100);
    batcher.push(Buffer.from('x'));
    expect(emitted).toEqual(['$', 'hello world', 'x']);
  });

  it('emits at once when the size bound is reached', () => {
    const { batcher, emitted } = setup({ maxBatchChars: 10 });
    batcher.push(Buffer.from('0123456789abc'));
    expect(emitted).toEqual(['0123456789abc']);
  });

  it('never splits a multi-byte UTF-8 character, even fed one byte at a time', () => {
    const { batcher, emitted } = setup({ maxBatchChars: 1 });
    const text = '한글 ✓ 🚀 é';
    for (const byte of Buffer.from(text)) batcher.push(Buffer.from([byte]));
    vi.advanceTimersByTime(16);
    expect(emitted.join('')).toBe(text);
    expect(emitted.every((part) => !part.includes('\uFFFD'))).toBe(true);
    expect(emitted).toContain('🚀');
  });

  it('flushes an incomplete trailing sequence as U+FFFD at end of stream', () => {
    const { batcher, emitted } = setup();
    batcher.push(Buffer.from([0x61, 0xed, 0x95])); // 'a' + first two bytes of '한'
    batcher.end();
    expect(emitted.join('')).toBe('a\uFFFD');
  });

  it('pauses above the high watermark and resumes at the low watermark', () => {
    const { batcher, calls } = setup({ maxBatchChars: 1000, highWatermark: 3000, lowWatermark: 1000 });
    for (let i = 0; i < 3; i++) batcher.push(Buffer.alloc(1000, 0x61));
    expect(calls).toEqual(['pause']);
    expect(batcher.stats()).toMatchObject({ unacked: 3000, paused: true });
    batcher.ack(1500);
    expect(calls).toEqual(['pause']);
    batcher.ack(500);
    expect(calls).toEqual(['pause', 'resume']);
    expect(batcher.stats()).toMatchObject({ unacked: 1000, paused: false, totalEmitted: 3000 });
  });

  it('ignores nonsense acks and never goes below zero', () => {
    const { batcher } = setup();
    batcher.push(Buffer.from('abc'));
    batcher.flush();
    batcher.ack(Number.NaN);
    batcher.ack(-5);
    expect(batcher.stats().unacked).toBe(3);
    batcher.ack(1e9);
    expect(batcher.stats().unacked).toBe(0);
  });

  it('emits nothing after dispose', () => {
    const { batcher, emitted } = setup();
    batcher.push(Buffer.from('first'));
    batcher.push(Buffer.from('late'));
    batcher.dispose();
    vi.advanceTimersByTime(100);
    batcher.push(Buffer.from('later'));
    expect(emitted).toEqual(['first']);
  });
});
