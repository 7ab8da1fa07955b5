/**
 * On-demand Linux prices in USD per hour, for the types Onramp suggests. An
 * ESTIMATE, copied by hand from the public EC2 pricing pages on the date below;
 * AWS changes prices, and taxes and data transfer are not included. The UI says
 * so next to every figure. Update the date with the numbers.
 */
export const PRICE_TABLE_DATE = '2026-11-30';

/** AWS charges every public IPv4 address (an Elastic IP included) $0.005 per hour. */
export const PUBLIC_IPV4_HOURLY_USD = 0.005;
export const HOURS_PER_MONTH = 24 * 30;

const US_EAST_1: Record<string, number> = {
  't2.micro': 0.0116,
  't3.micro': 0.0104,
  't3.small': 0.0208,
  't3.medium': 0.0416,
  't3a.micro': 0.0094,
  't3a.small': 0.0188,
  't4g.micro': 0.0084,
  't4g.small': 0.0168,
  't4g.medium': 0.0336,
  'm7i-flex.large': 0.09576,
  'c7i-flex.large': 0.08479,
};

export const HOURLY_USD: Record<string, Record<string, number>> = {
  'us-east-1': US_EAST_1,
  'us-east-2': US_EAST_1,
  'us-west-2': US_EAST_1,
  'ap-northeast-2': {
    't2.micro': 0.0144,
    't3.micro': 0.013,
    't3.small': 0.026,
    't3.medium': 0.052,
    't3a.micro': 0.0117,
    't3a.small': 0.0234,
    't4g.micro': 0.0104,
    't4g.small': 0.0208,
    't4g.medium': 0.0416,
    'm7i-flex.large': 0.11214,
    'c7i-flex.large': 0.09929,
  },
  'ap-northeast-1': {
    't2.micro': 0.0152,
    't3.micro': 0.0136,
    't3.small': 0.0272,
    't3.medium': 0.0544,
    't3a.micro': 0.0123,
    't4g.micro': 0.0108,
    't4g.small': 0.0216,
    't4g.medium': 0.0432,
  },
  'eu-west-1': {
    't2.micro': 0.0126,
    't3.micro': 0.0114,
    't3.small': 0.0228,
    't3.medium': 0.0456,
    't3a.micro': 0.0102,
    't4g.micro': 0.0092,
    't4g.small': 0.0184,
    't4g.medium': 0.0368,
  },
};

export interface MonthlyEstimate {
  /** Instance hours × 24 × 30. */
  instanceUsd: number;
  /** The public IPv4 charge, $0.005/h × 24 × 30 = $3.60. */
  publicIpv4Usd: number;
  totalUsd: number;
  priceDate: string;
}

/** The monthly estimate for a type in a region, or undefined when the table has no price for it. */
export function monthlyEstimate(region: string, instanceType: string): MonthlyEstimate | undefined {
  const hourly = HOURLY_USD[region]?.[instanceType];
  if (hourly === undefined) return undefined;
  const instanceUsd = round2(hourly * HOURS_PER_MONTH);
  const publicIpv4Usd = round2(PUBLIC_IPV4_HOURLY_USD * HOURS_PER_MONTH);
  return { instanceUsd, publicIpv4Usd, totalUsd: round2(instanceUsd + publicIpv4Usd), priceDate: PRICE_TABLE_DATE };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
