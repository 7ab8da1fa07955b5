/**
 * Instance types to offer, only those offered in the region, each with vCPU,
 * memory, architecture and its prices from the dated table.
 *
 * On the Free plan only the types it may launch are listed (others fail with
 * InvalidParameterCombination). Otherwise a fixed set of small current types,
 * those AWS marks free-tier eligible for this account first. t2.micro is no
 * longer suggested: it is not eligible on the Free plan, and t3.micro is
 * cheaper. Every suggested type is a key of the price table's regions
 * (price-table.test.ts), so a missing price is a known gap, shown as "no estimate".
 */
import {
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstanceTypesCommand,
  type EC2Client,
  type InstanceTypeInfo,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import type { AccountPlan } from '../../../common/contract/schemas/billing';
import { FREE_PLAN_TYPES } from '../../../common/cost/free-plan';
import type { Architecture } from './ami';
import { typePrice, type TypePrice } from './price-table';

export const COMMON_TYPES = ['t3.micro', 't3.small', 't3.medium', 't4g.micro', 't4g.small', 't4g.medium'] as const;

/** Every type Onramp ever suggests, whatever the plan. */
export const SUGGESTED_TYPES: readonly string[] = [...new Set<string>([...COMMON_TYPES, ...FREE_PLAN_TYPES])];

export interface InstanceTypeChoice {
  instanceType: string;
  vcpus: number;
  memoryMiB: number;
  architecture: Architecture;
  /** On the Free plan: every listed type. Otherwise: what AWS reports for this account. */
  freeTierEligible: boolean;
  price?: TypePrice;
}

function toChoice(info: InstanceTypeInfo, region: string, freePlan: boolean): InstanceTypeChoice | undefined {
  const type = info.InstanceType;
  if (!type) return undefined;
  const archs = info.ProcessorInfo?.SupportedArchitectures ?? [];
  const price = typePrice(region, type);
  return {
    instanceType: type,
    vcpus: info.VCpuInfo?.DefaultVCpus ?? 0,
    memoryMiB: info.MemoryInfo?.SizeInMiB ?? 0,
    architecture: archs.includes('arm64') && !archs.includes('x86_64') ? 'arm64' : 'x86_64',
    freeTierEligible: freePlan || info.FreeTierEligible === true,
    ...(price ? { price } : {}),
  };
}

/** The architecture an instance type needs: Graviton families (t4g, m7g, c6gn, a1 …) are arm64. */
export function architectureOfType(instanceType: string): Architecture {
  const family = instanceType.split('.')[0] ?? '';
  return /^a1$|^[a-z]+\d+[a-z]*g[a-z]*$/.test(family) ? 'arm64' : 'x86_64';
}

/** The types a plan may be offered: the Free plan's eligible ones, or the whole suggested set. */
export function typesForPlan(plan: AccountPlan): readonly string[] {
  return plan.state === 'free' ? FREE_PLAN_TYPES : SUGGESTED_TYPES;
}

export async function listInstanceTypes(ec2: EC2Client, region: string, plan: AccountPlan, signal?: AbortSignal): Promise<InstanceTypeChoice[]> {
  const offered = new Set<string>();
  let next: string | undefined;
  do {
    const page = await ec2.send(
      new DescribeInstanceTypeOfferingsCommand({ LocationType: 'region', NextToken: next, Filters: [{ Name: 'instance-type', Values: [...typesForPlan(plan)] }] }),
      { abortSignal: signal },
    );
    for (const o of page.InstanceTypeOfferings ?? []) if (o.InstanceType) offered.add(o.InstanceType);
    next = page.NextToken;
  } while (next);

  const wanted = typesForPlan(plan).filter((t) => offered.has(t)) as _InstanceType[];
  if (!wanted.length) return [];
  const out = await ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: wanted }), { abortSignal: signal });
  const freePlan = plan.state === 'free';
  const choices = (out.InstanceTypes ?? []).flatMap((info) => {
    const choice = toChoice(info, region, freePlan);
    return choice && offered.has(choice.instanceType) ? [choice] : [];
  });
  const order = (c: InstanceTypeChoice) => wanted.indexOf(c.instanceType as _InstanceType);
  // Eligible first, then by size, then in the suggested order (t3 before t4g: x86 runs everything).
  return choices.sort(
    (a, b) => Number(b.freeTierEligible) - Number(a.freeTierEligible) || a.vcpus - b.vcpus || a.memoryMiB - b.memoryMiB || order(a) - order(b),
  );
}
