/** Regions for the picker: DescribeRegions with every region and its opt-in status. */
import { DescribeRegionsCommand, type EC2Client } from '@aws-sdk/client-ec2';

import type { RegionChoice } from '../region-catalog';

export type { RegionChoice };

export async function listRegions(ec2: EC2Client, signal?: AbortSignal): Promise<RegionChoice[]> {
  const out = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }), { abortSignal: signal });
  return (out.Regions ?? [])
    .flatMap((r) => {
      if (!r.RegionName) return [];
      const optIn = r.OptInStatus ?? 'opt-in-not-required';
      return [{ region: r.RegionName, optIn, usable: optIn !== 'not-opted-in' }];
    })
    .sort((a, b) => a.region.localeCompare(b.region));
}
