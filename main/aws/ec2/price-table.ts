/**
 * On-demand Linux prices in USD, for the types Onramp suggests, and the gp3
 * volume price per GiB-month. An ESTIMATE, copied by hand from the public EC2
 * and EBS pricing pages on the date below; AWS changes prices, and taxes and
 * data transfer are not included. The UI says so next to every figure. Update
 * the date with the numbers.
 *
 * A region is listed only with its gp3 price, and a type only where its price
 * was read: a pair that is missing shows "no estimate" rather than a guess
 * (price-table.test.ts keeps it so, and keeps every suggested type priced in
 * the regions Onramp proposes by default).
 */
import { monthlyCost, type MonthlyCost } from '../../../common/cost/monthly-cost';

export const PRICE_TABLE_DATE = '2026-11-30';

interface RegionPrices {
  gp3UsdPerGiBMonth: number;
  hourlyUsd: Readonly<Record<string, number>>;
}

const US_EAST_1_HOURLY = {
  't3.micro': 0.0104,
  't3.small': 0.0208,
  't3.medium': 0.0416,
  't4g.micro': 0.0084,
  't4g.small': 0.0168,
  't4g.medium': 0.0336,
  'm7i-flex.large': 0.09576,
  'c7i-flex.large': 0.08479,
};

export const PRICES: Readonly<Record<string, RegionPrices>> = {
  'us-east-1': { gp3UsdPerGiBMonth: 0.08, hourlyUsd: US_EAST_1_HOURLY },
  'us-east-2': { gp3UsdPerGiBMonth: 0.08, hourlyUsd: US_EAST_1_HOURLY },
  'us-west-2': { gp3UsdPerGiBMonth: 0.08, hourlyUsd: US_EAST_1_HOURLY },
  'ap-northeast-2': {
    gp3UsdPerGiBMonth: 0.0912,
    hourlyUsd: {
      't3.micro': 0.013,
      't3.small': 0.026,
      't3.medium': 0.052,
      't4g.micro': 0.0104,
      't4g.small': 0.0208,
      't4g.medium': 0.0416,
      'm7i-flex.large': 0.11214,
      'c7i-flex.large': 0.09929,
    },
  },
  // The flex types' prices in these two regions were not read: they show "no estimate".
  'ap-northeast-1': {
    gp3UsdPerGiBMonth: 0.096,
    hourlyUsd: {
      't3.micro': 0.0136,
      't3.small': 0.0272,
      't3.medium': 0.0544,
      't4g.micro': 0.0108,
      't4g.small': 0.0216,
      't4g.medium': 0.0432,
    },
  },
  'eu-west-1': {
    gp3UsdPerGiBMonth: 0.088,
    hourlyUsd: {
      't3.micro': 0.0114,
      't3.small': 0.0228,
      't3.medium': 0.0456,
      't4g.micro': 0.0092,
      't4g.small': 0.0184,
      't4g.medium': 0.0368,
    },
  },
};

/** What the launch form needs to price a type for any volume size: undefined when the pair is not in the table. */
export interface TypePrice {
  hourlyUsd: number;
  gp3UsdPerGiBMonth: number;
  priceDate: string;
}

export function typePrice(region: string, instanceType: string): TypePrice | undefined {
  const prices = PRICES[region];
  const hourlyUsd = prices?.hourlyUsd[instanceType];
  if (!prices || hourlyUsd === undefined) return undefined;
  return { hourlyUsd, gp3UsdPerGiBMonth: prices.gp3UsdPerGiBMonth, priceDate: PRICE_TABLE_DATE };
}

export interface MonthlyEstimate extends MonthlyCost {
  volumeGiB: number;
  priceDate: string;
}

/** The monthly estimate of one server (instance + its gp3 volume + one public IPv4), or undefined when the table has no price for the pair. */
export function monthlyEstimate(region: string, instanceType: string, volumeGiB: number): MonthlyEstimate | undefined {
  const price = typePrice(region, instanceType);
  if (!price) return undefined;
  const cost = monthlyCost({ instanceHourlyUsd: price.hourlyUsd, gp3UsdPerGiBMonth: price.gp3UsdPerGiBMonth, volumeGiB, publicIpv4Count: 1 });
  return { ...cost, volumeGiB, priceDate: PRICE_TABLE_DATE };
}

/** The gp3 price per GiB-month in a region, when the table has it. */
export function gp3Price(region: string): number | undefined {
  return PRICES[region]?.gp3UsdPerGiBMonth;
}
