import { EC2Client } from '@aws-sdk/client-ec2';
import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAwsClients, type AwsClients, type CreateAwsClientsOptions } from './client-factory';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../testing/aws/aws-env-sandbox';
import { startFakeAwsServer, type FakeAwsServer } from '../testing/aws/fake-aws-server';

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

describe('clients.get: any SDK v3 client with the shared settings', () => {
  it('gives IAM, SSM, EC2 and STS clients without a factory edit, cached per class and region', async () => {
    const aws = await create({ region: 'eu-west-1', appVersion: '2.0.0' });

    expect(aws.get(IAMClient)).toBe(aws.get(IAMClient));
    expect(aws.get(SSMClient, 'us-west-2')).toBe(aws.get(SSMClient, 'us-west-2'));
    expect(aws.get(SSMClient, 'us-west-2')).not.toBe(aws.get(SSMClient));
    expect(aws.get(STSClient)).toBe(aws.sts());
    expect(aws.get(EC2Client, 'eu-west-1')).toBe(aws.ec2());
    for (const client of [aws.get(IAMClient), aws.get(SSMClient)]) {
      await expect(client.config.maxAttempts()).resolves.toBe(3);
      expect(client.config.retryMode).toBe('standard');
      expect(client.config.customUserAgent).toEqual([['onramp', '2.0.0']]);
      expect(client.config.isCustomEndpoint).toBe(false);
      const credentials = await client.config.credentials();
      expect(credentials.accessKeyId === KEY_ID).toBe(true);
    }
  });

  it('refuses clients after destroy, so a replaced connection is never used by accident', async () => {
    const aws = await create();
    aws.get(IAMClient);
    aws.destroy();
    clients = undefined;
    expect(() => aws.get(IAMClient)).toThrow(/replaced/);
  });

  it('works with aws-sdk-client-mock on the class the caller asked for', async () => {
    const iam = mockClient(IAMClient);
    iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1 } });
    try {
      const aws = await create();
      const out = await aws.get(IAMClient).send(new GetAccountSummaryCommand({}));
      expect(out.SummaryMap?.AccountMFAEnabled).toBe(1);
    } finally {
      iam.restore();
    }
  });
});

describe('clients.get: endpoints come from the environment, resolved by the SDK', () => {
  let fake: FakeAwsServer | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('lets the SDK resolve IAM to its global endpoint, signed for the partition region', async () => {
    const aws = await create({ region: 'ap-northeast-2' });
    const endpoint = aws.get(IAMClient).config.endpointProvider({ Region: 'ap-northeast-2', UseFIPS: false, UseDualStack: false });
    expect(endpoint.url.href).toBe('https://iam.amazonaws.com/');
    expect(endpoint.properties?.['authSchemes']).toEqual([{ name: 'sigv4', signingRegion: 'us-east-1' }]);
  });

  it('sends IAM to AWS_ENDPOINT_URL_IAM', async () => {
    fake = await startFakeAwsServer(() => ({
      status: 200,
      contentType: 'text/xml',
      body: '<GetAccountSummaryResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountSummaryResult><SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry></SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>',
    }));
    sandbox.setEnv('AWS_ENDPOINT_URL_IAM', fake.url);
    const aws = await create({ region: 'ap-northeast-2', appVersion: '0.3.0' });

    const out = await aws.get(IAMClient).send(new GetAccountSummaryCommand({}));

    expect(out.SummaryMap?.AccountMFAEnabled).toBe(1);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.body).toContain('Action=GetAccountSummary');
    expect(fake.requests[0]?.headers.authorization).toMatch(/\/iam\/aws4_request/);
    expect(`${String(fake.requests[0]?.headers['user-agent'])}`).toContain('onramp/0.3.0');
  });

  it('sends SSM to AWS_ENDPOINT_URL in the region asked for', async () => {
    fake = await startFakeAwsServer(() => ({
      status: 200,
      contentType: 'application/x-amz-json-1.1',
      body: JSON.stringify({ Parameter: { Name: '/aws/service/canonical/x', Value: 'ami-0123456789abcdef0' } }),
    }));
    sandbox.setEnv('AWS_ENDPOINT_URL', fake.url);
    const aws = await create();

    const out = await aws.get(SSMClient, 'eu-central-1').send(new GetParameterCommand({ Name: '/aws/service/canonical/x' }));

    expect(out.Parameter?.Value).toBe('ami-0123456789abcdef0');
    expect(fake.requests[0]?.headers['x-amz-target']).toBe('AmazonSSM.GetParameter');
    expect(fake.requests[0]?.headers.authorization).toMatch(/\/eu-central-1\/ssm\/aws4_request/);
  });
});
