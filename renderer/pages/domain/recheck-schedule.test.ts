import { describe, expect, it } from 'vitest';
import { recheckDelayMs } from './recheck-schedule';

describe('recheckDelayMs', () => {
  it('starts at 5 s, doubles, and stays at 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(recheckDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });
});
