/**
 * The dated price table never gives half an estimate: a region is listed with
 * its gp3 price, every suggested type is priced in the regions Onramp proposes
 * by default, and a pair the table lacks is "no estimate" all the way to the
 * screen (never a guess, never an instance price without its disk).
 */
import { describe, expect, it } from 'vitest';
import { FREE_PLAN_TYPES } from '../../../common/cost/free-plan';
import { SUGGESTED_TYPES } from './instance-types';
import { monthlyEstimate, PRICE_TABLE_DATE, PRICES, typePrice } from './price-table';
import { setupCost } from './setup-cost';

/** Korean users start in Seoul, everyone else in N. Virginia (fallbackRegionForLocale); Ohio and Oregon are the other US defaults. */
const PROPOSED_REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'ap-northeast-2'];

describe('price table', () => {
  it('is dated', () => {
    expect(PRICE_TABLE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each(PROPOSED_REGIONS)('prices every suggested type in %s', (region) => {
    const missing = SUGGESTED_TYPES.filter((type) => !typePrice(region, type));
    expect(missing).toEqual([]);
  });

  it('suggests every Free-plan type, and t2.micro nowhere', () => {
    for (const type of FREE_PLAN_TYPES) expect(SUGGESTED_TYPES).toContain(type);
    expect(SUGGESTED_TYPES).not.toContain('t2.micro');
    for (const prices of Object.values(PRICES)) expect(Object.keys(prices.hourlyUsd)).not.toContain('t2.micro');
  });

  it('lists only suggested types, each region with a gp3 price, and sane numbers', () => {
    for (const [region, prices] of Object.entries(PRICES)) {
      expect(prices.gp3UsdPerGiBMonth, region).toBeGreaterThan(0.05);
      expect(prices.gp3UsdPerGiBMonth, region).toBeLessThan(0.2);
      for (const [type, hourly] of Object.entries(prices.hourlyUsd)) {
        expect(SUGGESTED_TYPES, `${region} ${type}`).toContain(type);
        expect(hourly, `${region} ${type}`).toBeGreaterThan(0.001);
        expect(hourly, `${region} ${type}`).toBeLessThan(0.5);
      }
    }
  });

  it('gives every suggested type in every region either a whole estimate or none', () => {
    const regions = [...Object.keys(PRICES), 'sa-east-1', 'af-south-1', 'ap-southeast-7'];
    for (const region of regions) {
      for (const type of SUGGESTED_TYPES) {
        const estimate = monthlyEstimate(region, type, 16);
        if (!estimate) {
          expect(typePrice(region, type), `${region} ${type}`).toBeUndefined();
          continue;
        }
        expect(estimate.volumeUsd, `${region} ${type}`).toBeGreaterThan(0);
        expect(estimate.publicIpv4Usd).toBe(3.65);
        expect(estimate.totalUsd).toBeCloseTo(estimate.instanceUsd + estimate.volumeUsd + estimate.publicIpv4Usd, 2);
      }
    }
  });

  it('estimates t3.micro with 16 GiB in us-east-1 and Seoul with the disk and the address', () => {
    expect(monthlyEstimate('us-east-1', 't3.micro', 16)).toMatchObject({ instanceUsd: 7.59, volumeUsd: 1.28, publicIpv4Usd: 3.65, totalUsd: 12.52 });
    expect(monthlyEstimate('ap-northeast-2', 't3.micro', 16)).toMatchObject({ volumeUsd: 1.46, totalUsd: 14.6 });
    expect(monthlyEstimate('us-east-1', 'p5.48xlarge', 16)).toBeUndefined();
  });
});

describe("the setup's monthly total", () => {
  it('adds running instances, gp3 volumes and every address', () => {
    const cost = setupCost('us-east-1', {
      instances: [{ instanceId: 'i-1', instanceType: 't3.micro', state: 'running' }],
      volumes: [{ volumeId: 'vol-1', sizeGiB: 16, volumeType: 'gp3' }],
      publicIpv4Count: 1,
    });
    expect(cost.monthly).toMatchObject({ instanceUsd: 7.59, volumeUsd: 1.28, publicIpv4Usd: 3.65, totalUsd: 12.52, complete: true });
  });

  it('bills a stopped instance only for its disk and address', () => {
    const cost = setupCost('us-east-1', {
      instances: [{ instanceId: 'i-1', instanceType: 't3.micro', state: 'stopped' }],
      volumes: [{ volumeId: 'vol-1', sizeGiB: 16, volumeType: 'gp3' }],
      publicIpv4Count: 1,
    });
    expect(cost.monthly).toMatchObject({ instanceUsd: 0, totalUsd: 4.93, complete: true });
  });

  it('says the total is partial when a part has no price', () => {
    const cost = setupCost('sa-east-1', {
      instances: [{ instanceId: 'i-1', instanceType: 't3.micro', state: 'running' }],
      volumes: [{ volumeId: 'vol-1', sizeGiB: 16, volumeType: 'gp3' }],
      publicIpv4Count: 1,
    });
    expect(cost.monthly).toMatchObject({ instanceUsd: 0, volumeUsd: 0, publicIpv4Usd: 3.65, totalUsd: 3.65, complete: false });
    expect(cost.instances[0]?.monthlyUsd).toBeUndefined();
  });
});
