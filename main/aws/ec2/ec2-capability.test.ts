/**
 * The launch, static-IP and teardown operations through the whole composition
 * (contract → engine → EC2 capability), against the stateful EC2 world: the
 * steps are done only when AWS says so, and teardown makes them not done.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpInputRequestOf } from '../../../common/contract/operations';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../../testing/aws/aws-env-sandbox';
import { Ec2World } from '../../testing/aws/ec2-world';
import { ContractHarness } from '../../testing/ssh/contract-harness';

const sts = mockClient(STSClient);
let world: Ec2World;
let restore: () => void;
let sandbox: AwsEnvSandbox;
let app: ContractHarness;

beforeEach(async () => {
  sandbox = createAwsEnvSandbox();
  process.env['AWS_ACCESS_KEY_ID'] = 'AKIATESTTESTTESTTEST';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'x'.repeat(40);
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/dev', UserId: 'AIDATEST' });
  world = new Ec2World();
  restore = world.attach(EC2Client, SSMClient);
  app = await ContractHarness.start();
  await app.invoke('vault.initKeychain', {});
  await app.invoke('aws.connect', { source: { kind: 'default' }, region: 'ap-northeast-2' });
});

afterEach(async () => {
  await app.dispose();
  restore();
  sandbox.restore();
});

async function stepState(step: string): Promise<string | undefined> {
  await app.invoke('setup.reconcile', { step } as never);
  const { steps } = await app.invoke('setup.steps', {});
  return steps.find((s) => s.step === step)?.state;
}

const choices: OpInputRequestOf<'launch-server.launch'> = {
  name: 'blog',
  ubuntu: '24.04',
  instanceType: 't3.micro',
  keyPair: { name: 'blog-key', type: 'ed25519', format: 'pem' },
  ssh: { from: 'myIp', ip: '198.51.100.7' },
  volumeGiB: 16,
};

describe('EC2 through the contract', () => {
  it('launches with progress, records the resources, puts the key in the vault, and the steps pass their checks', async () => {
    expect(await stepState('launch-server')).toBe('not-done');
    const finished = await app.runOperation('launch-server.launch', choices);
    expect(finished.outcome.status).toBe('succeeded');
    const phases = app.payloads('op.progress').filter((p) => p.opId === finished.opId).map((p) => p.phase);
    expect(phases).toEqual(expect.arrayContaining(['ec2:phases.keyPair', 'ec2:phases.instance', 'ec2:phases.elasticIp']));

    const state = await app.invoke('setup.getState', {});
    expect(state.resources.elasticIp).toMatch(/^203\.0\.113\./);
    expect(state.choices.launch?.instanceType).toBe('t3.micro');
    const items = await app.invoke('vault.list', {});
    expect(items.items.filter((i) => i.kind === 'ssh-key')).toHaveLength(1);
    expect(await stepState('launch-server')).toBe('done');
    expect(await stepState('static-ip')).toBe('done');

    const resources = await app.invoke('ec2.resources', {});
    expect(resources.instances).toHaveLength(1);
    // t3.micro in Seoul for 730 h + 16 GiB of gp3 + the Elastic IP
    expect(resources.monthly).toMatchObject({ instanceUsd: 9.49, volumeUsd: 1.46, publicIpv4Usd: 3.65, totalUsd: 14.6, complete: true });
    expect(resources.keyPairs).toEqual([{ keyName: 'blog-key', inVault: true }]);
  });

  it('a failed launch is explained with its fix, and the step stays not done', async () => {
    world.failNext.set('RunInstances', Object.assign(new Error('no capacity'), { name: 'InsufficientInstanceCapacity', $metadata: {} }));
    const finished = await app.runOperation('launch-server.launch', choices);
    expect(finished.outcome).toMatchObject({ status: 'failed', error: { code: 'ec2.insufficientCapacity' } });
    expect(await stepState('launch-server')).toBe('not-done');
    const again = await app.runOperation('launch-server.launch', choices);
    expect(again.outcome.status).toBe('succeeded');
    expect(world.liveInstances()).toHaveLength(1);
    expect(world.keyPairs.size).toBe(1);
  });

  it('teardown removes everything tagged and, when asked, the vault key', async () => {
    await app.runOperation('launch-server.launch', choices);
    const finished = await app.runOperation('done.teardown', { deleteVaultKey: true });
    expect(finished.outcome).toMatchObject({ status: 'succeeded', result: { removed: { instances: 1, addresses: 1, securityGroups: 1, keyPairs: 1, vaultKeys: 1 }, failures: [] } });
    expect(world.liveInstances()).toHaveLength(0);
    expect((await app.invoke('vault.list', {})).items.filter((i) => i.kind === 'ssh-key')).toHaveLength(0);
    expect(await stepState('launch-server')).toBe('not-done');
    expect(await stepState('static-ip')).toBe('not-done');
  });

  it('edits the security group rules', async () => {
    await app.runOperation('launch-server.launch', choices);
    await app.invoke('ec2.addRule', { port: 8080, cidr: '198.51.100.7/32' });
    await app.invoke('ec2.addRule', { port: 8080, cidr: '198.51.100.7/32' }); // a duplicate counts as success
    const { rules } = await app.invoke('ec2.rules', {});
    const added = rules.filter((r) => r.port === 8080);
    expect(added).toHaveLength(1);
    await app.invoke('ec2.removeRule', { ruleId: added[0]?.ruleId ?? '' });
    expect((await app.invoke('ec2.rules', {})).rules.some((r) => r.port === 8080)).toBe(false);
    const bad = await app.call('ec2.addRule', { port: 70000, cidr: 'nope' });
    expect(bad.ok).toBe(false);
  });

  it('changes the SSH source: the new one is allowed, every other port-22 source revoked, and the launch choice follows', async () => {
    await app.runOperation('launch-server.launch', choices);
    const changed = await app.invoke('ec2.setSshSource', { ssh: { from: 'myIp', ip: '203.0.113.50' } });
    expect(changed).toEqual({ allowed: '203.0.113.50/32', revoked: ['198.51.100.7/32'] });
    const ssh = (await app.invoke('ec2.rules', {})).rules.filter((r) => r.port === 22).map((r) => r.cidr);
    expect(ssh).toEqual(['203.0.113.50/32']);
    expect((await app.invoke('setup.getState', {})).choices.launch?.ssh).toEqual({ from: 'myIp', ip: '203.0.113.50' });
    const bad = await app.call('ec2.setSshSource', { ssh: { from: 'myIp', ip: '10.0.0.1' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'ec2.invalidIp' } });
  });

  it('after a Connect timeout: says the current IP is not allowed, and allowing it lets only that IP in', async () => {
    await app.runOperation('launch-server.launch', choices); // SSH from 198.51.100.7
    const myIp = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('203.0.113.50\n'));
    try {
      expect(await app.invoke('ec2.sshAccess', {})).toEqual({ ip: '203.0.113.50', allowed: false, sources: ['198.51.100.7/32'] });
      await app.invoke('ec2.setSshSource', { ssh: { from: 'myIp', ip: '203.0.113.50' } });
      expect(await app.invoke('ec2.sshAccess', {})).toEqual({ ip: '203.0.113.50', allowed: true, sources: ['203.0.113.50/32'] });
    } finally {
      myIp.mockRestore();
    }
  });
});

