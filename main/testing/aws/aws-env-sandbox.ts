import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every environment variable the SDK reads that could leak the developer's own
 * AWS setup into a test. The sandbox clears them all, then points HOME and the
 * shared config/credentials files at an empty temp directory.
 */
const AWS_ENV_NAMES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_STS',
  'AWS_ENDPOINT_URL_EC2',
  'AWS_ENDPOINT_URL_IAM',
  'AWS_ENDPOINT_URL_FREETIER',
  'AWS_ENDPOINT_URL_BUDGETS',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_MAX_ATTEMPTS',
  'AWS_RETRY_MODE',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_ROLE_SESSION_NAME',
] as const;

export interface AwsEnvSandbox {
  /** Temp directory that also serves as HOME while the sandbox is active. */
  readonly home: string;
  readonly configFile: string;
  readonly credentialsFile: string;
  writeConfig(text: string): void;
  writeCredentials(text: string): void;
  /** Sets (or with `undefined`, deletes) one environment variable until restore(). */
  setEnv(name: string, value: string | undefined): void;
  restore(): void;
}

function applyEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

export function createAwsEnvSandbox(): AwsEnvSandbox {
  const saved = new Map<string, string | undefined>();
  const setEnv = (name: string, value: string | undefined): void => {
    if (!saved.has(name)) saved.set(name, process.env[name]);
    applyEnv(name, value);
  };

  const dir = mkdtempSync(join(tmpdir(), 'onramp-aws-'));
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');

  for (const name of AWS_ENV_NAMES) setEnv(name, undefined);
  // ~/.aws/sso/cache and the default ~/.aws/* paths resolve under the sandbox too.
  setEnv('HOME', dir);
  setEnv('USERPROFILE', dir);
  setEnv('AWS_CONFIG_FILE', configFile);
  setEnv('AWS_SHARED_CREDENTIALS_FILE', credentialsFile);
  // Keep the default chain from probing 169.254.169.254 on CI machines.
  setEnv('AWS_EC2_METADATA_DISABLED', 'true');

  return {
    home: dir,
    configFile,
    credentialsFile,
    writeConfig: (text) => writeFileSync(configFile, text),
    writeCredentials: (text) => writeFileSync(credentialsFile, text),
    setEnv,
    restore: () => {
      for (const [name, value] of saved) applyEnv(name, value);
      saved.clear();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
