/**
 * The arithmetic of a monthly estimate, shared by main (Done's total) and the
 * renderer (the launch form, where the volume size is typed). Plain values and
 * functions only: no zod, no prices (those live in main's dated price table).
 *
 * A month is 730 hours, as AWS's own estimates count it (8,760 h / 12).
 */
export const HOURS_PER_MONTH = 730;

/** AWS charges every public IPv4 address (an Elastic IP included) $0.005 per hour. */
export const PUBLIC_IPV4_HOURLY_USD = 0.005;

export interface MonthlyCostInput {
  /** The instance's on-demand price per hour. */
  instanceHourlyUsd: number;
  /** gp3 storage price per GiB-month in the region. */
  gp3UsdPerGiBMonth: number;
  volumeGiB: number;
  /** Public IPv4 addresses billed alongside (the Elastic IP: 1). */
  publicIpv4Count: number;
}

export interface MonthlyCost {
  instanceUsd: number;
  volumeUsd: number;
  publicIpv4Usd: number;
  totalUsd: number;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Instance hours × 730 + gp3 GiB × price + IPv4 × $0.005 × 730, each rounded to cents, total of the rounded parts. */
export function monthlyCost(input: MonthlyCostInput): MonthlyCost {
  const instanceUsd = round2(input.instanceHourlyUsd * HOURS_PER_MONTH);
  const volumeUsd = round2(input.gp3UsdPerGiBMonth * input.volumeGiB);
  const publicIpv4Usd = round2(PUBLIC_IPV4_HOURLY_USD * HOURS_PER_MONTH * input.publicIpv4Count);
  return { instanceUsd, volumeUsd, publicIpv4Usd, totalUsd: round2(instanceUsd + volumeUsd + publicIpv4Usd) };
}

/**
 * How long Free-plan credits last at a monthly rate, in months rounded down to
 * a tenth (at least 0); undefined when nothing is spent. The plan also ends on its
 * own date, so the caller shows whichever comes first.
 */
export function creditMonths(creditsUsd: number, monthlyUsd: number): number | undefined {
  if (!(monthlyUsd > 0)) return undefined;
  return Math.max(0, Math.floor((creditsUsd / monthlyUsd) * 10) / 10);
}
