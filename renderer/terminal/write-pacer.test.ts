import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WritePacer, type PacerOptions } from './write-pacer';

/** A fake xterm: records writes; `finishAll()` completes every pending parse. */
function fakeTerm() {
  const written: string[] = [];
  const pending: (() => void)[] = [];
  return {
    written,
    write: (data: string, parsed: () => void) => {
      written.push(data);
      pending.push(parsed);
    },
    finishAll: () => pending.splice(0).forEach((done) => done()),
  };
}

const small: PacerOptions = { pieceChars: 4, pieceIntervalMs: 10, floodChars: 8, floodFrameMs: 100 };

describe('WritePacer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('writes an echo at once for the tab on screen and reports what xterm parsed', () => {
    const term = fakeTerm();
    const parsed: number[] = [];
    const pacer = new WritePacer(term.write, (n) => parsed.push(n), small);
    pacer.push('hello');
    expect(term.written).toEqual(['hello']);
    term.finishAll();
    expect(parsed).toEqual([5]);
  });

  it('joins what arrives while xterm parses into the next write', () => {
    const term = fakeTerm();
    const parsed: number[] = [];
    const pacer = new WritePacer(term.write, (n) => parsed.push(n), small);
    pacer.push('a');
    pacer.push('b');
    pacer.push('c');
    expect(term.written).toEqual(['a']);
    term.finishAll();
    expect(term.written).toEqual(['a', 'bc']);
    term.finishAll();
    expect(parsed).toEqual([1, 2]);
  });

  it('during a flood writes at most once per floodFrameMs, in big pieces, and loses nothing', () => {
    const term = fakeTerm();
    const parsed: number[] = [];
    const pacer = new WritePacer(term.write, (n) => parsed.push(n), small);
    pacer.push('x'.repeat(10)); // a flood-sized write
    term.finishAll();
    pacer.push('y'.repeat(3));
    pacer.push('z'.repeat(9));
    expect(term.written).toHaveLength(1); // waits for the next flood frame
    vi.advanceTimersByTime(99);
    expect(term.written).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(term.written).toEqual(['x'.repeat(10), 'yyy' + 'z'.repeat(9)]);
    term.finishAll();
    pacer.push('!');
    vi.advanceTimersByTime(100);
    expect(term.written.at(-1)).toBe('!');
    term.finishAll();
    expect(parsed.reduce((a, b) => a + b, 0)).toBe(23);
  });

  it('feeds a background tab one small piece per task, in order, and everything once it is shown', () => {
    const term = fakeTerm();
    const parsed: number[] = [];
    const pacer = new WritePacer(term.write, (n) => parsed.push(n), small);
    pacer.setBackground(true);
    pacer.push('abcdef');
    pacer.push('gh');
    expect(term.written).toEqual([]);
    vi.runOnlyPendingTimers();
    expect(term.written).toEqual(['abcd']);
    vi.runOnlyPendingTimers();
    expect(term.written).toEqual(['abcd']); // the next piece waits until xterm parsed this one
    term.finishAll();
    vi.advanceTimersByTime(9);
    expect(term.written).toEqual(['abcd']); // at most one piece per 10 ms
    vi.advanceTimersByTime(1);
    expect(term.written).toEqual(['abcd', 'efgh']);
    term.finishAll();
    pacer.push('ij');
    pacer.setBackground(false);
    expect(term.written).toEqual(['abcd', 'efgh', 'ij']);
    term.finishAll();
    expect(parsed.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('drops what waits when disposed', () => {
    const term = fakeTerm();
    const pacer = new WritePacer(term.write, () => undefined, small);
    pacer.setBackground(true);
    pacer.push('late');
    pacer.dispose();
    vi.runAllTimers();
    expect(term.written).toEqual([]);
  });
});
