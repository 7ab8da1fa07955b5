import { loadSharedConfigFiles, type ParsedIniData } from '@smithy/core/config';

export interface AwsProfileSummary {
  name: string;
  /** Uses IAM Identity Center (sso_session or legacy sso_* keys): needs `aws sso login --profile <name>`. */
  isSso: boolean;
  /** The profile's `region`, if set (credentials file wins, as the SDK does for region). */
  region: string | undefined;
  inConfigFile: boolean;
  inCredentialsFile: boolean;
}

/** Same test the SDK's credential-provider-sso uses (isSsoProfile). */
const SSO_KEYS = ['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'] as const;

/**
 * Non-profile sections the SDK's loader keeps as "<type>.<name>" keys
 * ([sso-session x], [services x]); in the credentials file a literal
 * "[profile x]" header is also not a usable profile name.
 */
const NON_PROFILE_PREFIXES = ['sso-session.', 'services.'];
const CREDENTIALS_FILE_NON_PROFILE_PREFIXES = [...NON_PROFILE_PREFIXES, 'profile.'];

function profileNames(data: ParsedIniData, excludedPrefixes: string[]): string[] {
  return Object.keys(data).filter((name) => !excludedPrefixes.some((prefix) => name.startsWith(prefix)));
}

function byDefaultThenName(a: AwsProfileSummary, b: AwsProfileSummary): number {
  if (a.name === 'default') return -1;
  if (b.name === 'default') return 1;
  return a.name.localeCompare(b.name);
}

/**
 * Lists profiles from ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE /
 * AWS_SHARED_CREDENTIALS_FILE) with the SDK's own parser. Missing or unreadable
 * files yield no profiles, exactly as for the SDK. Always re-reads the files.
 */
export async function listAwsProfiles(): Promise<AwsProfileSummary[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const fromConfig = new Set(profileNames(configFile, NON_PROFILE_PREFIXES));
  const fromCredentials = new Set(profileNames(credentialsFile, CREDENTIALS_FILE_NON_PROFILE_PREFIXES));

  const summaries: AwsProfileSummary[] = [];
  for (const name of new Set([...fromConfig, ...fromCredentials])) {
    const settings = { ...configFile[name], ...credentialsFile[name] };
    summaries.push({
      name,
      isSso: SSO_KEYS.some((key) => typeof settings[key] === 'string'),
      region: settings.region,
      inConfigFile: fromConfig.has(name),
      inCredentialsFile: fromCredentials.has(name),
    });
  }
  return summaries.sort(byDefaultThenName);
}
