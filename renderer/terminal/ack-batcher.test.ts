import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AckBatcher } from './ack-batcher';

describe('AckBatcher', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends one ack per 64 K parsed, at once', () => {
    const sent: number[] = [];
    const acks = new AckBatcher((n) => sent.push(n));
    for (let i = 0; i < 20; i++) acks.add(8 * 1024);
    expect(sent).toEqual([64 * 1024, 64 * 1024]);
  });

  it('sends a small remainder after 50 ms, and nothing when idle', () => {
    const sent: number[] = [];
    const acks = new AckBatcher((n) => sent.push(n));
    acks.add(5);
    acks.add(7);
    vi.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([12]);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([12]);
  });

  it('reset drops what is pending', () => {
    const sent: number[] = [];
    const acks = new AckBatcher((n) => sent.push(n));
    acks.add(100);
    acks.reset();
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([]);
  });
});
