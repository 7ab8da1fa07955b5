import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { fallbackRegionForLocale, resolveDefaultRegion } from './default-region';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../testing/aws/aws-env-sandbox';

let sandbox: AwsEnvSandbox;
beforeEach(() => {
  sandbox = createAwsEnvSandbox();
});
afterEach(() => {
  sandbox.restore();
});

describe('resolveDefaultRegion', () => {
  it('prefers the explicit choice over AWS_REGION', async () => {
    sandbox.setEnv('AWS_REGION', 'eu-west-1');
    await expect(resolveDefaultRegion({ explicit: 'us-west-2', fallback: 'us-east-1' })).resolves.toBe('us-west-2');
  });

  it('uses AWS_REGION over the profile region', async () => {
    sandbox.setEnv('AWS_REGION', 'eu-west-1');
    sandbox.writeConfig('[profile dev]\nregion = sa-east-1\n');
    await expect(resolveDefaultRegion({ profile: 'dev', fallback: 'us-east-1' })).resolves.toBe('eu-west-1');
  });

  it("uses the chosen profile's region from AWS_CONFIG_FILE", async () => {
    sandbox.writeConfig('[default]\nregion = eu-north-1\n\n[profile dev]\nregion = sa-east-1\n');
    await expect(resolveDefaultRegion({ profile: 'dev', fallback: 'us-east-1' })).resolves.toBe('sa-east-1');
  });

  it('lets a region in AWS_SHARED_CREDENTIALS_FILE win over the config file, as the SDK does', async () => {
    sandbox.writeConfig('[profile dev]\nregion = sa-east-1\n');
    sandbox.writeCredentials('[dev]\nregion = ca-central-1\n');
    await expect(resolveDefaultRegion({ profile: 'dev', fallback: 'us-east-1' })).resolves.toBe('ca-central-1');
  });

  it('uses the AWS_PROFILE profile when no profile is given', async () => {
    sandbox.writeConfig('[default]\nregion = eu-north-1\n\n[profile env]\nregion = me-south-1\n');
    sandbox.setEnv('AWS_PROFILE', 'env');
    await expect(resolveDefaultRegion({ fallback: 'us-east-1' })).resolves.toBe('me-south-1');
  });

  it('falls back when nothing names a region (no instance-metadata lookup)', async () => {
    sandbox.writeConfig('[profile dev]\noutput = json\n');
    await expect(resolveDefaultRegion({ profile: 'dev', fallback: 'ap-northeast-2' })).resolves.toBe('ap-northeast-2');
  });
});

describe('fallbackRegionForLocale', () => {
  it('picks Seoul for Korean and N. Virginia otherwise', () => {
    expect(fallbackRegionForLocale('ko')).toBe('ap-northeast-2');
    expect(fallbackRegionForLocale('ko-KR')).toBe('ap-northeast-2');
    expect(fallbackRegionForLocale('en-US')).toBe('us-east-1');
  });
});
