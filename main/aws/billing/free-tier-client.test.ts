/**
 * The Free Tier call on the wire: a local HTTP server stands in for the API,
 * and only the environment (AWS_ENDPOINT_URL_FREETIER / AWS_ENDPOINT_URL)
 * tells the client where it is, as with every SDK client.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '../client-factory';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../../testing/aws/aws-env-sandbox';
import { closedLocalUrl, startFakeAwsServer, type CannedResponse, type FakeAwsServer } from '../../testing/aws/fake-aws-server';
import { readAccountPlan } from './account-plan';
import { FREE_TIER_REGION, FreeTierClient, GetAccountPlanStateCommand } from './free-tier-client';

let sandbox: AwsEnvSandbox;
let server: FakeAwsServer | undefined;
let clients: AwsClients | undefined;

const json = (status: number, body: unknown): CannedResponse => ({ status, contentType: 'application/x-amz-json-1.0', body: JSON.stringify(body) });

async function freeTier(): Promise<FreeTierClient> {
  clients = await createAwsClients({
    source: { kind: 'vault', itemId: 'item-1' },
    deps: { getAccessKey: () => Promise.resolve({ accessKeyId: 'AKIAFAKEFAKEFAKE0001', secretAccessKey: 'fake-secret-for-tests-only' }) },
    region: 'ap-northeast-2',
    fallbackRegion: 'us-east-1',
    appVersion: '0.1.0',
  });
  return clients.get(FreeTierClient, FREE_TIER_REGION);
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

describe('GetAccountPlanState over the wire', () => {
  it('posts awsJson1_0 to AWS_ENDPOINT_URL_FREETIER, signed for freetier in us-east-1, and reads a Free plan', async () => {
    server = await startFakeAwsServer(() =>
      json(200, {
        accountId: '123456789012',
        accountPlanType: 'FREE',
        accountPlanStatus: 'ACTIVE',
        accountPlanRemainingCredits: { amount: 142.37, unit: 'USD' },
        accountPlanExpirationDate: Date.UTC(2027, 0, 20) / 1000,
      }),
    );
    process.env['AWS_ENDPOINT_URL'] = await closedLocalUrl(); // the service-specific variable wins
    process.env['AWS_ENDPOINT_URL_FREETIER'] = server.url;
    const plan = await readAccountPlan(await freeTier());
    expect(plan).toEqual({ state: 'free', status: 'active', creditsUsd: 142.37, endsAt: '2027-01-20T00:00:00.000Z' });
    const request = server.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/');
    expect(request?.headers['x-amz-target']).toBe('AWSFreeTierService.GetAccountPlanState');
    expect(request?.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(request?.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAFAKEFAKEFAKE0001\/\d{8}\/us-east-1\/freetier\/aws4_request, SignedHeaders=[^,]*host[^,]*x-amz-target/);
    expect(request?.headers['x-amz-user-agent']).toContain('onramp/0.1.0');
    expect(request?.body).toBe('{}');
  });

  it('uses AWS_ENDPOINT_URL when no service-specific endpoint is set, and reads a paid plan', async () => {
    server = await startFakeAwsServer(() => json(200, { accountId: '123456789012', accountPlanType: 'PAID', accountPlanStatus: 'ACTIVE' }));
    process.env['AWS_ENDPOINT_URL'] = server.url;
    expect(await readAccountPlan(await freeTier())).toEqual({ state: 'paid' });
    expect(server.requests).toHaveLength(1);
  });

  it('reads AccessDeniedException (HTTP 400 in this API) as "unknown: denied"', async () => {
    server = await startFakeAwsServer(() => json(400, { __type: 'com.amazonaws.freetier#AccessDeniedException', message: 'User is not authorized to perform freetier:GetAccountPlanState' }));
    process.env['AWS_ENDPOINT_URL'] = server.url;
    expect(await readAccountPlan(await freeTier())).toEqual({ state: 'unknown', reason: 'denied' });
  });

  it('reads an endpoint without the operation, and one that is down, as "unknown: unavailable"', async () => {
    server = await startFakeAwsServer(() => json(400, { __type: 'UnknownOperationException' }));
    process.env['AWS_ENDPOINT_URL'] = server.url;
    expect(await readAccountPlan(await freeTier())).toEqual({ state: 'unknown', reason: 'unavailable' });
    clients?.destroy();
    process.env['AWS_ENDPOINT_URL'] = await closedLocalUrl();
    expect(await readAccountPlan(await freeTier())).toEqual({ state: 'unknown', reason: 'unavailable' });
  });

  it("names an answer that is not JSON (a proxy's 403 page) by its status, and reads it as denied", async () => {
    server = await startFakeAwsServer(() => ({ status: 403, contentType: 'text/html', body: '<html>denied</html>' }));
    process.env['AWS_ENDPOINT_URL'] = server.url;
    const client = await freeTier();
    await expect(client.send(new GetAccountPlanStateCommand())).rejects.toMatchObject({ name: 'Http403', $metadata: { httpStatusCode: 403 } });
    expect(await readAccountPlan(client)).toEqual({ state: 'unknown', reason: 'denied' });
  });
});
