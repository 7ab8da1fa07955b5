/**
 * The plan, the true costs and the cost guard through the whole composition:
 * the Free Tier API answered by a local server found through
 * AWS_ENDPOINT_URL_FREETIER (as the SDK finds any endpoint), EC2 by the
 * stateful world, AWS Budgets by the stateful Budgets world.
 */
import { BudgetsClient } from '@aws-sdk/client-budgets';
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpInputRequestOf } from '../../../common/contract/operations';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../../testing/aws/aws-env-sandbox';
import { BudgetsWorld } from '../../testing/aws/budgets-world';
import { Ec2World } from '../../testing/aws/ec2-world';
import { startFakeAwsServer, type FakeAwsServer } from '../../testing/aws/fake-aws-server';
import { ContractHarness } from '../../testing/ssh/contract-harness';

const sts = mockClient(STSClient);
let world: Ec2World;
let budgets: BudgetsWorld;
let restore: (() => void)[] = [];
let sandbox: AwsEnvSandbox;
let freeTier: FakeAwsServer;
let app: ContractHarness;
let planAnswer: { status: number; body: unknown };

beforeEach(async () => {
  sandbox = createAwsEnvSandbox();
  process.env['AWS_ACCESS_KEY_ID'] = 'AKIATESTTESTTESTTEST';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'x'.repeat(40);
  planAnswer = { status: 200, body: { accountId: '123456789012', accountPlanType: 'FREE', accountPlanStatus: 'ACTIVE', accountPlanRemainingCredits: { amount: 120, unit: 'USD' }, accountPlanExpirationDate: Date.UTC(2027, 4, 1) / 1000 } };
  freeTier = await startFakeAwsServer(() => ({ status: planAnswer.status, contentType: 'application/x-amz-json-1.0', body: JSON.stringify(planAnswer.body) }));
  process.env['AWS_ENDPOINT_URL_FREETIER'] = freeTier.url;
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/dev', UserId: 'AIDATEST' });
  world = new Ec2World();
  budgets = new BudgetsWorld('123456789012');
  restore = [world.attach(EC2Client, SSMClient), budgets.attach(BudgetsClient)];
  app = await ContractHarness.start();
  await app.invoke('vault.initKeychain', {});
  await app.invoke('aws.connect', { source: { kind: 'default' }, region: 'us-east-1' });
});

afterEach(async () => {
  await app.dispose();
  for (const r of restore) r();
  await freeTier.close();
  sandbox.restore();
});

const choices: OpInputRequestOf<'launch-server.launch'> = {
  name: 'blog',
  ubuntu: '26.04',
  instanceType: 't3.micro',
  keyPair: { name: 'blog-key', type: 'ed25519', format: 'pem' },
  ssh: { from: 'myIp', ip: '198.51.100.7' },
  volumeGiB: 16,
};

/**
 * The plan is read once per verified connection, and the journey model may already have read it in the
 * background right after beforeEach connected: a test that changes the answer connects again, as a user
 * whose plan changed would (a re-connect reads it again).
 */
async function reconnect(): Promise<void> {
  await app.invoke('aws.connect', { source: { kind: 'default' }, region: 'us-east-1' });
}

describe('plan and costs through the contract', () => {
  it('on the Free plan lists only eligible types, with the plan, and Done shows the total and how long the credits last', async () => {
    const { types, plan } = await app.invoke('ec2.instanceTypes', { region: 'us-east-1' });
    expect(plan).toEqual({ state: 'free', status: 'active', creditsUsd: 120, endsAt: '2027-05-01T00:00:00.000Z' });
    // The world offers t3.micro and t3.small; both are Free-plan types, and nothing else is listed.
    expect(types.map((t) => t.instanceType)).toEqual(['t3.micro', 't3.small']);
    expect(types[0]?.price).toMatchObject({ hourlyUsd: 0.0104, gp3UsdPerGiBMonth: 0.08 });
    expect(freeTier.requests[0]?.headers['x-amz-target']).toBe('AWSFreeTierService.GetAccountPlanState');

    expect((await app.runOperation('launch-server.launch', choices)).outcome.status).toBe('succeeded');
    const resources = await app.invoke('ec2.resources', {});
    expect(resources.volumes).toEqual([expect.objectContaining({ sizeGiB: 16, volumeType: 'gp3', monthlyUsd: 1.28 })]);
    expect(resources.monthly).toMatchObject({ instanceUsd: 7.59, volumeUsd: 1.28, publicIpv4Usd: 3.65, totalUsd: 12.52, complete: true });
    expect(resources.creditMonths).toBe(9.5);
    expect(freeTier.requests).toHaveLength(1); // read once per connection, not per page
  });

  it('with the Free Tier API denied, the plan is unknown and the suggested set is offered', async () => {
    planAnswer = { status: 400, body: { __type: 'AccessDeniedException', message: 'not authorized' } };
    await reconnect();
    const { types, plan } = await app.invoke('ec2.instanceTypes', { region: 'us-east-1' });
    expect(plan).toEqual({ state: 'unknown', reason: 'denied' });
    expect(types.map((t) => [t.instanceType, t.freeTierEligible])).toEqual([
      ['t3.micro', true],
      ['t3.small', false],
    ]);
  });

  it('on the paid plan no credits are counted', async () => {
    planAnswer = { status: 200, body: { accountId: '123456789012', accountPlanType: 'PAID', accountPlanStatus: 'ACTIVE' } };
    await reconnect();
    await app.runOperation('launch-server.launch', choices);
    const resources = await app.invoke('ec2.resources', {});
    expect(resources.plan).toEqual({ state: 'paid' });
    expect(resources.creditMonths).toBeUndefined();
  });

  it('explains a type the Free plan refuses, in both languages', async () => {
    world.failNext.set('RunInstances', Object.assign(new Error('The specified instance type is not eligible for Free Tier. For a list of Free Tier instance types, run describe-instance-types with the filter free-tier-eligible=true.'), { name: 'InvalidParameterCombination', $metadata: {} }));
    const finished = await app.runOperation('launch-server.launch', { ...choices, instanceType: 't3.medium' });
    expect(finished.outcome).toMatchObject({ status: 'failed', error: { code: 'ec2.notFreeTierEligible', params: { awsCode: 'InvalidParameterCombination' } } });
  });
});

describe('the cost guard through the contract', () => {
  it('sets the budget, shows it for Done, keeps it through a plain teardown and deletes it when asked', async () => {
    const guard = await app.runOperation('launch-server.costGuard', { amountUsd: 120, email: 'me@example.com' });
    expect(guard.outcome).toMatchObject({ status: 'succeeded', result: { amountUsd: 120, emails: ['me@example.com'], created: true } });
    const name = (await app.invoke('ec2.budget', {})).budget?.name;
    expect(name).toMatch(/^onramp-[0-9a-f-]{36}$/);

    await app.runOperation('launch-server.launch', choices);
    const plain = await app.runOperation('done.teardown', { deleteVaultKey: false });
    expect(plain.outcome).toMatchObject({ status: 'succeeded', result: { removed: { budgets: 0 } } });
    expect(budgets.budgets.size).toBe(1);

    const asked = await app.runOperation('done.teardown', { deleteVaultKey: false, deleteBudget: true });
    expect(asked.outcome).toMatchObject({ status: 'succeeded', result: { removed: { budgets: 1 }, failures: [] } });
    expect(budgets.budgets.size).toBe(0);
    expect((await app.invoke('ec2.budget', {})).budget).toBeNull();
  });

  it('names the IAM actions when the credentials may not use Budgets, and a teardown reports it as a failed part', async () => {
    budgets.denied.add('DescribeBudget');
    const guard = await app.runOperation('launch-server.costGuard', { amountUsd: 10, email: 'me@example.com' });
    expect(guard.outcome).toMatchObject({ status: 'failed', error: { code: 'ec2.budgetDenied', params: { actions: expect.stringContaining('budgets:ModifyBudget') } } });
    const teardown = await app.runOperation('done.teardown', { deleteVaultKey: false, deleteBudget: true });
    expect(teardown.outcome).toMatchObject({ status: 'succeeded', result: { failures: [{ part: 'budget', code: 'ec2.budgetDenied' }] } });
  });
});
