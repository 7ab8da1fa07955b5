import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAwsClients, type AwsClients, type CreateAwsClientsOptions } from './client-factory';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../testing/aws/aws-env-sandbox';

const KEY_ID = 'AKIAFAKEFAKEFAKE0004';
const options: CreateAwsClientsOptions = {
  source: { kind: 'vault', itemId: 'item-1' },
  deps: { getAccessKey: () => Promise.resolve({ accessKeyId: KEY_ID, secretAccessKey: 'fake-secret' }) },
  fallbackRegion: 'ap-northeast-2',
};

let sandbox: AwsEnvSandbox;
let clients: AwsClients | undefined;

async function create(overrides: Partial<CreateAwsClientsOptions> = {}): Promise<AwsClients> {
  clients = await createAwsClients({ ...options, ...overrides });
  return clients;
}

beforeEach(() => {
  sandbox = createAwsEnvSandbox();
});
afterEach(() => {
  clients?.destroy();
  clients = undefined;
  sandbox.restore();
});

describe('createAwsClients', () => {
  it('caches one client per service and region', async () => {
    const aws = await create({ region: 'eu-west-1' });

    expect(aws.sts()).toBe(aws.sts());
    expect(aws.ec2()).toBe(aws.ec2('eu-west-1'));
    expect(aws.ec2('us-west-2')).not.toBe(aws.ec2());
    expect(aws.ec2('us-west-2')).toBe(aws.ec2('us-west-2'));
  });

  it('configures standard retries with 3 attempts', async () => {
    const aws = await create();

    for (const client of [aws.sts(), aws.ec2()]) {
      await expect(client.config.maxAttempts()).resolves.toBe(3);
      expect(client.config.retryMode).toBe('standard');
    }
  });

  it('sets each client region: explicit for ec2(region), otherwise the resolved default', async () => {
    const aws = await create();

    expect(aws.region).toBe('ap-northeast-2');
    await expect(aws.sts().config.region()).resolves.toBe('ap-northeast-2');
    await expect(aws.ec2('eu-central-1').config.region()).resolves.toBe('eu-central-1');
  });

  it('takes the default region from AWS_REGION, then the fallback', async () => {
    sandbox.setEnv('AWS_REGION', 'us-west-1');
    expect((await create()).region).toBe('us-west-1');
  });

  it('takes the default region from the profile for a profile source', async () => {
    sandbox.writeConfig('[profile dev]\nregion = eu-south-1\n');
    const aws = await create({ source: { kind: 'profile', profile: 'dev' } });

    expect(aws.region).toBe('eu-south-1');
    expect(aws.profile).toBe('dev');
  });

  it('never sets an endpoint itself', async () => {
    const aws = await create();

    expect(aws.sts().config.isCustomEndpoint).toBe(false);
    expect(aws.ec2().config.isCustomEndpoint).toBe(false);
  });

  it('gives every client the vault credentials', async () => {
    const aws = await create();

    const credentials = await aws.ec2().config.credentials();
    expect(credentials.accessKeyId === KEY_ID).toBe(true);
  });

  it('adds an onramp user-agent entry', async () => {
    const aws = await create({ appVersion: '1.2.3' });
    expect(aws.sts().config.customUserAgent).toEqual([['onramp', '1.2.3']]);
  });
});
