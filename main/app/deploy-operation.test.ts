import { describe, expect, it } from 'vitest';
import { candidatePortOf, memoryMaxOf } from './deploy-operation';

describe('deploy sizing', () => {
  it('puts the candidate on a spare port in range', () => {
    expect(candidatePortOf(8000)).toBe(18000);
    expect(candidatePortOf(60000)).toBe(50000);
  });

  it('bounds MemoryMax to three quarters of memory, between 256 MiB and 4 GiB', () => {
    expect(memoryMaxOf(1024 ** 3)).toBe(768);
    expect(memoryMaxOf(128 * 1024 ** 2)).toBe(256);
    expect(memoryMaxOf(64 * 1024 ** 3)).toBe(4096);
    expect(memoryMaxOf(0)).toBe(512);
  });
});
