import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WritePacer } from './write-pacer';

/** A fake xterm: records writes; `finish()` completes the oldest pending parse. */
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

describe('WritePacer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('writes at once for the tab on screen and reports what xterm parsed', () => {
    const term = fakeTerm();
    const parsed: number[] = [];
    const pacer = new WritePacer(term.write, (n) => parsed.push(n));
    pacer.push('hello');
    pacer.push(' world');
    expect(term.written).toEqual(['hello', ' world']);
    term.finishAll();
    expect(parsed).toEqual([5, 6]);
  });

  it('feeds a background tab one small piece per task, in order, and everything once it is shown', () => {
    const term = fakeTerm();
    const parsed: number[] = [];
    const pacer = new WritePacer(term.write, (n) => parsed.push(n), 4, 10);
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
    pacer.push('ij');
    pacer.setBackground(false);
    expect(term.written).toEqual(['abcd', 'efgh', 'ij']);
    term.finishAll();
    expect(parsed.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('drops what waits when disposed', () => {
    const term = fakeTerm();
    const pacer = new WritePacer(term.write, () => undefined);
    pacer.setBackground(true);
    pacer.push('late');
    pacer.dispose();
    vi.runAllTimers();
    expect(term.written).toEqual([]);
  });
});
