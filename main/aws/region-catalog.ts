/**
 * The regions Onramp offers, from one place in main: AWS's own list
 * (DescribeRegions, with opt-in status) once the setup has credentials, and
 * before that (Connect AWS, no credentials yet) the commercial regions every
 * account has or can opt into. Also the first region for a new user, by language.
 */
export const KNOWN_REGIONS = [
  'ap-northeast-2',
  'ap-northeast-1',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-south-1',
  'ap-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'sa-east-1',
] as const;

export interface RegionChoice {
  region: string;
  /** opt-in-not-required | opted-in | not-opted-in, or unknown before AWS was asked. */
  optIn: string;
  usable: boolean;
}

/** The list before AWS can be asked: every region usable, its opt-in status unknown. */
export function knownRegionChoices(): RegionChoice[] {
  return KNOWN_REGIONS.map((region) => ({ region, optIn: 'unknown', usable: true }));
}
