/**
 * The journey model through the whole composition (contract → services), with
 * EC2 answered by the stateful EC2 world: the model follows an operation when
 * it FINISHES (launch, then teardown), every change goes out as
 * `journey.changed` with a growing revision, and the region list is main's.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../testing/aws/aws-env-sandbox';
import { Ec2World } from '../testing/aws/ec2-world';
import { ContractHarness } from '../testing/ssh/contract-harness';

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
});

afterEach(async () => {
  await app.dispose();
  restore();
  sandbox.restore();
});

const revisions = () => app.payloads('journey.changed').map((s) => s.revision);

describe('the journey model through the contract', () => {
  it('offers main’s region list before there are credentials, and AWS’s own after', async () => {
    const before = await app.invoke('ec2.regions', {});
    expect(before.live).toBe(false);
    expect(before.regions.map((r) => r.region)).toContain('ap-northeast-2');
    await app.invoke('aws.connect', { source: { kind: 'default' }, region: 'ap-northeast-2' });
    expect((await app.invoke('ec2.regions', {})).live).toBe(true);
  });

  it('follows a launch and a teardown when each has finished: the server, the steps, the stale results', async () => {
    await app.invoke('aws.connect', { source: { kind: 'default' }, region: 'ap-northeast-2' });
    const launched = await app.runOperation('launch-server.launch', {
      name: 'blog',
      ubuntu: '24.04',
      instanceType: 't3.micro',
      keyPair: { name: 'blog-key', type: 'ed25519', format: 'pem' },
      ssh: { from: 'myIp', ip: '198.51.100.7' },
      volumeGiB: 16,
    });
    expect(launched.outcome.status).toBe('succeeded');
    const ip = [...world.addresses.values()][0]?.publicIp;
    await app.waitFor(() => app.payloads('journey.changed').at(-1)?.model.resources.server?.from === 'aws', 'the model to show AWS’s answer');
    let model = (await app.invoke('journey.snapshot', {})).model;
    expect(model.resources.server).toMatchObject({ elasticIp: ip, attached: true, instanceState: 'running' });
    expect(model.derived.server).toMatchObject({ ref: 'setup', host: ip, user: 'ubuntu', port: 22 });
    expect(model.steps.find((s) => s.step === 'static-ip')?.state).toBe('done');
    expect(model.vaultItems.find((i) => i.role === 'server-key')).toMatchObject({ belongsTo: 'blog-key', missing: false, gone: false });

    const teardown = await app.runOperation('done.teardown', { deleteVaultKey: false });
    expect(teardown.outcome.status).toBe('succeeded');
    await app.waitFor(() => {
      const last = app.payloads('journey.changed').at(-1)?.model;
      return last?.resources.aws.state === 'read' && last.resources.server === undefined && last.steps.find((s) => s.step === 'launch-server')?.state === 'not-done';
    }, 'the model to show that nothing exists');
    model = (await app.invoke('journey.snapshot', {})).model;
    expect(model.resources.aws.found).toMatchObject({ instances: [], addresses: [], securityGroups: [], keyPairs: [] });
    expect(model.derived.server).toBeUndefined();
    expect(model.steps.find((s) => s.step === 'static-ip')?.state).toBe('not-done');
    expect(model.staleOperations).toContain(launched.opId);
    expect(model.staleOperations).not.toContain(teardown.opId);

    // The key pair is deleted, its private key was kept: the model says so, and one call deletes it from the vault.
    const serverKey = model.vaultItems.find((i) => i.role === 'server-key');
    expect(serverKey).toMatchObject({ belongsTo: 'blog-key', missing: false, gone: true });
    expect(await app.invoke('journey.deleteGoneItems', {})).toEqual({ removed: 1 });
    expect((await app.invoke('vault.list', {})).items.map((i) => i.id)).not.toContain(serverKey?.itemId);
    await app.waitFor(() => app.payloads('journey.changed').at(-1)?.model.vaultItems.length === 0, 'the setup to forget the deleted item');
    expect((await app.invoke('setup.getState', {})).resources).toEqual({});

    const seen = revisions();
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
  });
});
