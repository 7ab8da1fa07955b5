/**
 * The Connect AWS handlers through the router, with STS mocked by
 * aws-sdk-client-mock: identity and root flag, the choice remembered in the
 * setup state (never a key), errors translated with the AWS code, profiles
 * and the suggested region.
 */
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, errorOf, type Harness } from '../testing/vault/contract-harness';
import { ACCESS_KEY, FIXTURE_KEYS } from '../testing/vault/vault-fixtures';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../testing/aws/aws-env-sandbox';

const sts = mockClient(STSClient);
let sandbox: AwsEnvSandbox;
let harness: Harness;

beforeEach(async () => {
  sandbox = createAwsEnvSandbox();
  sts.reset();
  harness = await createHarness();
  await harness.ok('vault.initKeychain', {});
});
afterEach(async () => {
  await harness.close();
  sandbox.restore();
});

async function vaultKey(): Promise<string> {
  return (await harness.ok('vault.addAccessKey', { ...ACCESS_KEY, label: 'deploy' })).item.id;
}

const identity = (arn: string) => ({ Account: arn.split(':')[4], Arn: arn, UserId: 'AIDAEXAMPLE' });

describe('aws.connect', () => {
  it('verifies a vault key, remembers source, region and identity (no key), leaves marking the step to its check, and labels the vault item', async () => {
    const itemId = await vaultKey();
    sts.on(GetCallerIdentityCommand).resolves(identity('arn:aws:iam::123456789012:user/alice'));
    const result = await harness.ok('aws.connect', { source: { kind: 'vault', itemId }, region: 'ap-northeast-2' });
    expect(result).toEqual({
      source: { kind: 'vault', itemId },
      region: 'ap-northeast-2',
      identity: { accountId: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice', isRoot: false, principalKind: 'iam-user' },
    });
    const state = await harness.setup.get();
    expect(state.choices).toEqual({
      awsSource: { kind: 'vault', itemId },
      region: 'ap-northeast-2',
      awsIdentity: { accountId: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice', isRoot: false },
    });
    expect(state.completed).toEqual([]); // the step engine's check() marks it done, never a handler
    expect((await harness.ok('vault.list', {})).items[0]).toMatchObject({ accountId: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice' });
    expect(await harness.ok('aws.status', {})).toMatchObject({ connected: true, region: 'ap-northeast-2', identity: { accountId: '123456789012' } });
    const all = harness.outgoing.join('\n');
    expect(all).not.toContain(ACCESS_KEY.secretAccessKey);
    expect(all).not.toContain(ACCESS_KEY.accessKeyId);
  });

  it('flags the root user', async () => {
    const itemId = await vaultKey();
    sts.on(GetCallerIdentityCommand).resolves(identity('arn:aws:iam::123456789012:root'));
    const { identity: who } = await harness.ok('aws.connect', { source: { kind: 'vault', itemId }, region: 'us-east-1' });
    expect(who).toMatchObject({ isRoot: true, principalKind: 'root' });
    expect((await harness.setup.get()).choices.awsIdentity?.isRoot).toBe(true);
  });

  it.each([
    ['InvalidClientTokenId', 'aws.invalidAccessKey'],
    ['SignatureDoesNotMatch', 'aws.signatureMismatch'],
    ['ExpiredToken', 'aws.expiredToken'],
  ])('%s becomes %s with the AWS code kept, and nothing is remembered', async (name, code) => {
    const itemId = await vaultKey();
    sts.on(GetCallerIdentityCommand).rejects(new STSServiceException({ name, message: 'no', $fault: 'client', $metadata: { httpStatusCode: 403 } }));
    expect(errorOf(await harness.call('aws.connect', { source: { kind: 'vault', itemId }, region: 'us-east-1' }))).toMatchObject({ code, params: { awsCode: name } });
    expect((await harness.setup.get()).choices).toEqual({});
    expect(await harness.ok('aws.status', {})).toEqual({ connected: false });
  });

  it('a locked vault or a missing item is the vault error, not an AWS one', async () => {
    expect(errorOf(await harness.call('aws.connect', { source: { kind: 'vault', itemId: 'nope' }, region: 'us-east-1' })).code).toBe('vault.itemNotFound');
    const key = await harness.ok('vault.import', { source: harness.fileSource(`${FIXTURE_KEYS}/rsa-pem.pem`) });
    if (key.status !== 'imported' || !key.items[0]) throw new Error('not imported');
    expect(errorOf(await harness.call('aws.connect', { source: { kind: 'vault', itemId: key.items[0].id }, region: 'us-east-1' })).code).toBe('vault.wrongItemKind');
    await harness.ok('vault.lock', {});
    expect(errorOf(await harness.call('aws.connect', { source: { kind: 'vault', itemId: 'nope' }, region: 'us-east-1' })).code).toBe('vault.locked');
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(0);
    expect(errorOf(await harness.call('aws.connect', { source: { kind: 'vault', itemId: 'x' }, region: 'not a region' })).code).toBe('contract.invalidRequest');
  });

  it('aws.status after a restart: not connected, but the last identity is remembered', async () => {
    const itemId = await vaultKey();
    sts.on(GetCallerIdentityCommand).resolves(identity('arn:aws:iam::123456789012:user/alice'));
    await harness.ok('aws.connect', { source: { kind: 'vault', itemId }, region: 'eu-west-1' });
    const again = await createHarness({ dataDir: harness.dataDir });
    expect(await again.ok('aws.status', {})).toEqual({
      connected: false,
      source: { kind: 'vault', itemId },
      region: 'eu-west-1',
      identity: { accountId: '123456789012', arn: 'arn:aws:iam::123456789012:user/alice', isRoot: false },
    });
    await again.close();
  });
});

describe('aws.listProfiles and aws.suggestRegion', () => {
  it('lists profiles from the SDK files with SSO marked', async () => {
    sandbox.writeConfig('[profile work]\nregion = eu-west-2\n[profile corp]\nsso_session = c\nsso_account_id = 111122223333\nsso_role_name = Admin\n[sso-session c]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n');
    sandbox.writeCredentials('[default]\naws_access_key_id = AKIAEXAMPLEEXAMPLE12\naws_secret_access_key = abc\n');
    const { profiles } = await harness.ok('aws.listProfiles', {});
    expect(profiles).toEqual([
      { name: 'default', isSso: false },
      { name: 'corp', isSso: true },
      { name: 'work', isSso: false, region: 'eu-west-2' },
    ]);
    expect(JSON.stringify(profiles)).not.toContain('abc');
  });

  it('suggests Seoul for Korean, N. Virginia for English, but AWS_REGION and the profile win', async () => {
    expect(await harness.ok('aws.suggestRegion', { language: 'ko' })).toEqual({ region: 'ap-northeast-2' });
    expect(await harness.ok('aws.suggestRegion', { language: 'en' })).toEqual({ region: 'us-east-1' });
    sandbox.writeConfig('[profile work]\nregion = eu-west-2\n');
    expect(await harness.ok('aws.suggestRegion', { language: 'ko', source: { kind: 'profile', profile: 'work' } })).toEqual({ region: 'eu-west-2' });
    sandbox.setEnv('AWS_REGION', 'sa-east-1');
    expect(await harness.ok('aws.suggestRegion', { language: 'ko' })).toEqual({ region: 'sa-east-1' });
  });
});
