/**
 * Instance types to offer: free-tier-eligible ones first, then a few common
 * ones, only those offered in the region, each with vCPU, memory, architecture
 * and a monthly estimate.
 */
import {
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstanceTypesCommand,
  type EC2Client,
  type InstanceTypeInfo,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import type { Architecture } from './ami';
import { monthlyEstimate, type MonthlyEstimate } from './price-table';

export const COMMON_TYPES = ['t3.micro', 't3.small', 't3.medium', 't4g.micro', 't4g.small', 't4g.medium', 't2.micro'] as const;

export interface InstanceTypeChoice {
  instanceType: string;
  vcpus: number;
  memoryMiB: number;
  architecture: Architecture;
  freeTierEligible: boolean;
  estimate?: MonthlyEstimate;
}

function toChoice(info: InstanceTypeInfo, region: string): InstanceTypeChoice | undefined {
  const type = info.InstanceType;
  if (!type) return undefined;
  const archs = info.ProcessorInfo?.SupportedArchitectures ?? [];
  const estimate = monthlyEstimate(region, type);
  return {
    instanceType: type,
    vcpus: info.VCpuInfo?.DefaultVCpus ?? 0,
    memoryMiB: info.MemoryInfo?.SizeInMiB ?? 0,
    architecture: archs.includes('arm64') && !archs.includes('x86_64') ? 'arm64' : 'x86_64',
    freeTierEligible: info.FreeTierEligible === true,
    ...(estimate ? { estimate } : {}),
  };
}

/** The architecture an instance type needs: Graviton families (t4g, m7g, c6gn, a1 …) are arm64. */
export function architectureOfType(instanceType: string): Architecture {
  const family = instanceType.split('.')[0] ?? '';
  return /^a1$|^[a-z]+\d+[a-z]*g[a-z]*$/.test(family) ? 'arm64' : 'x86_64';
}

export async function listInstanceTypes(ec2: EC2Client, region: string, signal?: AbortSignal): Promise<InstanceTypeChoice[]> {
  const offered = new Set<string>();
  let next: string | undefined;
  do {
    const page = await ec2.send(
      new DescribeInstanceTypeOfferingsCommand({ LocationType: 'region', NextToken: next }),
      { abortSignal: signal },
    );
    for (const o of page.InstanceTypeOfferings ?? []) if (o.InstanceType) offered.add(o.InstanceType);
    next = page.NextToken;
  } while (next);

  const free = await ec2.send(
    new DescribeInstanceTypesCommand({ Filters: [{ Name: 'free-tier-eligible', Values: ['true'] }] }),
    { abortSignal: signal },
  );
  const commonWanted = COMMON_TYPES.filter((t) => offered.has(t)) as _InstanceType[];
  const common = commonWanted.length
    ? await ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: commonWanted }), { abortSignal: signal })
    : { InstanceTypes: [] };

  const seen = new Set<string>();
  const choices: InstanceTypeChoice[] = [];
  const freeSorted = [...(free.InstanceTypes ?? [])].sort((a, b) => (a.VCpuInfo?.DefaultVCpus ?? 0) - (b.VCpuInfo?.DefaultVCpus ?? 0) || (a.MemoryInfo?.SizeInMiB ?? 0) - (b.MemoryInfo?.SizeInMiB ?? 0));
  for (const info of [...freeSorted, ...(common.InstanceTypes ?? [])]) {
    const choice = toChoice(info, region);
    if (!choice || seen.has(choice.instanceType) || !offered.has(choice.instanceType)) continue;
    seen.add(choice.instanceType);
    choices.push(choice);
  }
  return choices;
}
