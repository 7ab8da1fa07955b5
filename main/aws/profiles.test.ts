import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { listAwsProfiles } from './profiles';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../testing/aws/aws-env-sandbox';

let sandbox: AwsEnvSandbox;
beforeEach(() => {
  sandbox = createAwsEnvSandbox();
});
afterEach(() => {
  sandbox.restore();
});

const CONFIG = `
[default]
region = us-east-1

[profile dev]
region = eu-west-1
output = json

[profile sso-new]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Admin

[profile sso-legacy]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = ReadOnly

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = ap-northeast-2

[services local]
sts =
  endpoint_url = http://localhost:4566
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIAFAKEFAKEFAKE0005
aws_secret_access_key = fake

[keys-only]
aws_access_key_id = AKIAFAKEFAKEFAKE0006
aws_secret_access_key = fake
region = sa-east-1

[dev]
aws_access_key_id = AKIAFAKEFAKEFAKE0007
aws_secret_access_key = fake
`;

describe('listAwsProfiles', () => {
  it('lists profiles from both files, default first, marking SSO profiles', async () => {
    sandbox.writeConfig(CONFIG);
    sandbox.writeCredentials(CREDENTIALS);

    const profiles = await listAwsProfiles();

    expect(profiles.map((p) => p.name)).toEqual(['default', 'dev', 'keys-only', 'sso-legacy', 'sso-new']);
    expect(profiles).toContainEqual({ name: 'dev', isSso: false, region: 'eu-west-1', inConfigFile: true, inCredentialsFile: true });
    expect(profiles).toContainEqual({ name: 'keys-only', isSso: false, region: 'sa-east-1', inConfigFile: false, inCredentialsFile: true });
    expect(profiles.find((p) => p.name === 'sso-new')?.isSso).toBe(true);
    expect(profiles.find((p) => p.name === 'sso-legacy')?.isSso).toBe(true);
  });

  it('does not list [sso-session] or [services] sections as profiles', async () => {
    sandbox.writeConfig(CONFIG);

    const names = (await listAwsProfiles()).map((p) => p.name);

    expect(names.some((n) => n.includes('corp') || n.includes('local'))).toBe(false);
  });

  it('returns an empty list when neither file exists', async () => {
    await expect(listAwsProfiles()).resolves.toEqual([]);
  });

  it('re-reads the files on every call', async () => {
    sandbox.writeCredentials('[first]\naws_access_key_id = x\naws_secret_access_key = y\n');
    expect((await listAwsProfiles()).map((p) => p.name)).toEqual(['first']);

    sandbox.writeCredentials('[second]\naws_access_key_id = x\naws_secret_access_key = y\n');
    expect((await listAwsProfiles()).map((p) => p.name)).toEqual(['second']);
  });

  it('never returns secret values', async () => {
    sandbox.writeCredentials(CREDENTIALS);
    expect(JSON.stringify(await listAwsProfiles())).not.toContain('AKIA');
  });
});
