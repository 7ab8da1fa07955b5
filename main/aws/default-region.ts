import {
  loadConfig,
  NODE_REGION_CONFIG_FILE_OPTIONS,
  NODE_REGION_CONFIG_OPTIONS,
} from '@smithy/core/config';

export interface DefaultRegionOptions {
  /** The region the user picked in Onramp; wins over everything. */
  explicit?: string | undefined;
  /** Profile whose `region` setting applies; undefined = AWS_PROFILE or "default", as the SDK does. */
  profile?: string | undefined;
  /** Used when neither AWS_REGION nor the profile names a region. */
  fallback: string;
}

/**
 * Resolves the region the way an SDK v3 client does (AWS_REGION, then the
 * profile's `region` in ~/.aws/credentials or ~/.aws/config) using the SDK's
 * own selectors — except that, instead of asking the EC2 instance metadata
 * service as a last resort, it uses `fallback`.
 */
export async function resolveDefaultRegion(options: DefaultRegionOptions): Promise<string> {
  if (options.explicit) return options.explicit;
  const fromEnvOrProfile = loadConfig(
    { ...NODE_REGION_CONFIG_OPTIONS, default: () => options.fallback },
    { ...NODE_REGION_CONFIG_FILE_OPTIONS, profile: options.profile, ignoreCache: true },
  );
  return fromEnvOrProfile();
}

/** A sensible first region for a new user: Seoul for Korean, N. Virginia otherwise (the only place this rule is written). */
export function fallbackRegionForLocale(locale: string): string {
  return locale.toLowerCase().startsWith('ko') ? 'ap-northeast-2' : 'us-east-1';
}
