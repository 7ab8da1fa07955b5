import { describe, expect, it } from 'vitest';
import { creditMonths, HOURS_PER_MONTH, monthlyCost } from './monthly-cost';

describe('monthly cost', () => {
  it('counts a month as 730 hours, as AWS does', () => {
    expect(HOURS_PER_MONTH).toBe(730);
  });

  it('adds the instance hours, the gp3 volume and the public IPv4 address', () => {
    // t3.micro in us-east-1 with 16 GiB of gp3: 0.0104 × 730 + 0.08 × 16 + 0.005 × 730
    expect(monthlyCost({ instanceHourlyUsd: 0.0104, gp3UsdPerGiBMonth: 0.08, volumeGiB: 16, publicIpv4Count: 1 })).toEqual({
      instanceUsd: 7.59,
      volumeUsd: 1.28,
      publicIpv4Usd: 3.65,
      totalUsd: 12.52,
    });
    // The same in Seoul: 16 GiB of gp3 is about $1.46.
    expect(monthlyCost({ instanceHourlyUsd: 0.013, gp3UsdPerGiBMonth: 0.0912, volumeGiB: 16, publicIpv4Count: 1 })).toEqual({
      instanceUsd: 9.49,
      volumeUsd: 1.46,
      publicIpv4Usd: 3.65,
      totalUsd: 14.6,
    });
  });

  it('charges every public IPv4 address, and none when there is none', () => {
    expect(monthlyCost({ instanceHourlyUsd: 0, gp3UsdPerGiBMonth: 0.08, volumeGiB: 8, publicIpv4Count: 2 }).publicIpv4Usd).toBe(7.3);
    expect(monthlyCost({ instanceHourlyUsd: 0.0104, gp3UsdPerGiBMonth: 0.08, volumeGiB: 8, publicIpv4Count: 0 }).totalUsd).toBe(8.23);
  });

  it('says how long Free-plan credits last at a rate, rounded down', () => {
    expect(creditMonths(120, 12.52)).toBe(9.5);
    expect(creditMonths(10, 12.52)).toBe(0.7);
    expect(creditMonths(0, 12.52)).toBe(0);
    expect(creditMonths(100, 0)).toBeUndefined();
  });
});
