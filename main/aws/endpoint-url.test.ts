/**
 * Real-protocol tests: a local HTTP server stands in for an AWS-compatible
 * endpoint, and only the environment (AWS_ENDPOINT_URL…) tells the SDK about it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAwsClients, type AwsClients } from './client-factory';
import type { CredentialSourceDeps } from './credential-source';
import { verifyIdentity } from './identity';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../testing/aws/aws-env-sandbox';
import {
  closedLocalUrl,
  startFakeAwsServer,
  stsCallerIdentityResponse,
  stsErrorResponse,
  type CannedResponse,
  type FakeAwsServer,
} from '../testing/aws/fake-aws-server';

const FAKE_KEY_ID = 'AKIAFAKEFAKEFAKE0001';
const vault: CredentialSourceDeps = {
  getAccessKey: () => Promise.resolve({ accessKeyId: FAKE_KEY_ID, secretAccessKey: 'fake-secret-for-tests-only' }),
};
const IAM_USER = { arn: 'arn:aws:iam::123456789012:user/onramp', account: '123456789012', userId: 'AIDAFAKEUSERID' };

let sandbox: AwsEnvSandbox;
let server: FakeAwsServer | undefined;
let clients: AwsClients | undefined;

async function serve(respond: () => CannedResponse): Promise<FakeAwsServer> {
  server = await startFakeAwsServer(respond);
  return server;
}

async function vaultClients(region?: string): Promise<AwsClients> {
  clients = await createAwsClients({
    source: { kind: 'vault', itemId: 'item-1' },
    deps: vault,
    region,
    fallbackRegion: 'us-east-1',
    appVersion: '0.1.0',
  });
  return clients;
}

beforeEach(() => {
  sandbox = createAwsEnvSandbox();
});

afterEach(async () => {
  clients?.destroy();
  clients = undefined;
  await server?.close();
  server = undefined;
  sandbox.restore();
});

describe('AWS_ENDPOINT_URL is honoured by the SDK itself', () => {
  it('sends STS GetCallerIdentity to AWS_ENDPOINT_URL, signed for the chosen region', async () => {
    const fake = await serve(() => stsCallerIdentityResponse(IAM_USER));
    sandbox.setEnv('AWS_ENDPOINT_URL', fake.url);

    const identity = await verifyIdentity(await vaultClients('eu-west-1'));

    expect(identity).toEqual({
      accountId: '123456789012',
      arn: IAM_USER.arn,
      userId: IAM_USER.userId,
      isRoot: false,
      principalKind: 'iam-user',
    });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.body).toContain('Action=GetCallerIdentity');
    expect(request?.headers.authorization).toMatch(
      new RegExp(`Credential=${FAKE_KEY_ID}/\\d{8}/eu-west-1/sts/aws4_request`),
    );
    const userAgents = `${String(request?.headers['user-agent'])} ${String(request?.headers['x-amz-user-agent'])}`;
    expect(userAgents).toContain('onramp/0.1.0');
  });

  it('prefers the service-specific AWS_ENDPOINT_URL_STS over AWS_ENDPOINT_URL', async () => {
    const fake = await serve(() => stsCallerIdentityResponse(IAM_USER));
    sandbox.setEnv('AWS_ENDPOINT_URL', await closedLocalUrl());
    sandbox.setEnv('AWS_ENDPOINT_URL_STS', fake.url);

    await expect(verifyIdentity(await vaultClients())).resolves.toMatchObject({ principalKind: 'iam-user' });
    expect(fake.requests).toHaveLength(1);
  });

  it('uses AWS_REGION for signing when no region is chosen', async () => {
    const fake = await serve(() => stsCallerIdentityResponse(IAM_USER));
    sandbox.setEnv('AWS_ENDPOINT_URL', fake.url);
    sandbox.setEnv('AWS_REGION', 'ap-southeast-2');

    await verifyIdentity(await vaultClients());

    expect(fake.requests[0]?.headers.authorization).toContain('/ap-southeast-2/sts/aws4_request');
  });

  it('flags a root caller reported by the endpoint', async () => {
    const fake = await serve(() =>
      stsCallerIdentityResponse({ arn: 'arn:aws:iam::000000000000:root', account: '000000000000', userId: '000000000000' }),
    );
    sandbox.setEnv('AWS_ENDPOINT_URL', fake.url);

    await expect(verifyIdentity(await vaultClients())).resolves.toMatchObject({ isRoot: true, principalKind: 'root' });
  });

  it('maps a real STS error response to aws.invalidAccessKey with the AWS code and request id', async () => {
    const fake = await serve(() =>
      stsErrorResponse(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.'),
    );
    sandbox.setEnv('AWS_ENDPOINT_URL', fake.url);

    await expect(verifyIdentity(await vaultClients())).rejects.toMatchObject({
      code: 'aws.invalidAccessKey',
      params: { awsCode: 'InvalidClientTokenId', requestId: 'req-fake-0001' },
    });
    expect(fake.requests).toHaveLength(1); // 4xx auth errors are not retried
  });

  it('maps a real STS clock-skew response to aws.clockSkew', async () => {
    const fake = await serve(() =>
      stsErrorResponse(
        403,
        'SignatureDoesNotMatch',
        'Signature expired: 20200101T000000Z is now earlier than 20200101T001000Z (20200101T002500Z - 15 min.)',
      ),
    );
    sandbox.setEnv('AWS_ENDPOINT_URL', fake.url);

    await expect(verifyIdentity(await vaultClients())).rejects.toMatchObject({
      code: 'aws.clockSkew',
      params: { awsCode: 'SignatureDoesNotMatch' },
    });
  });

  it('reports an endpoint with nothing listening as aws.network after the SDK retries', async () => {
    sandbox.setEnv('AWS_ENDPOINT_URL', await closedLocalUrl());

    await expect(verifyIdentity(await vaultClients())).rejects.toMatchObject({
      code: 'aws.network',
      params: { awsCode: 'ECONNREFUSED' },
    });
  });
});
