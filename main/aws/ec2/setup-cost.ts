/**
 * What the setup's resources cost a month (730 h): each instance at its
 * on-demand price, each gp3 volume at its size, each public IPv4 address.
 * A part with no price in the table leaves `complete` false, so Done says the
 * total is partial instead of presenting it as whole.
 */
import { HOURS_PER_MONTH, PUBLIC_IPV4_HOURLY_USD, round2 } from '../../../common/cost/monthly-cost';
import { gp3Price, PRICE_TABLE_DATE, typePrice } from './price-table';

export interface CostedParts {
  instances: { instanceId: string; instanceType?: string; state: string }[];
  volumes: { volumeId: string; sizeGiB: number; volumeType?: string }[];
  publicIpv4Count: number;
}

export function setupCost(region: string, parts: CostedParts) {
  let complete = true;
  const instances = parts.instances.map((i) => {
    const price = i.instanceType ? typePrice(region, i.instanceType) : undefined;
    // A stopped instance is not billed for its hours (its volume and address still are).
    const billed = i.state === 'running' || i.state === 'pending';
    if (billed && !price) complete = false;
    return { ...i, ...(price ? { monthlyUsd: billed ? round2(price.hourlyUsd * HOURS_PER_MONTH) : 0 } : {}) };
  });
  const gp3 = gp3Price(region);
  const volumes = parts.volumes.map((v) => {
    const priced = gp3 !== undefined && (v.volumeType ?? 'gp3') === 'gp3';
    if (!priced) complete = false;
    return { ...v, ...(priced ? { monthlyUsd: round2(gp3 * v.sizeGiB) } : {}) };
  });
  const instanceUsd = round2(instances.reduce((sum, i) => sum + (i.monthlyUsd ?? 0), 0));
  const volumeUsd = round2(volumes.reduce((sum, v) => sum + (v.monthlyUsd ?? 0), 0));
  const publicIpv4Usd = round2(PUBLIC_IPV4_HOURLY_USD * HOURS_PER_MONTH * parts.publicIpv4Count);
  return {
    instances,
    volumes,
    monthly: { instanceUsd, volumeUsd, publicIpv4Usd, totalUsd: round2(instanceUsd + volumeUsd + publicIpv4Usd), complete, priceDate: PRICE_TABLE_DATE },
  };
}
