/**
 * Lost answers: each create call of the launch reaches EC2 and takes effect, then its answer is dropped (a connection
 * reset), so the SDK retries it. AllocateAddress and CreateSecurityGroup take no idempotency token, CreateKeyPair's
 * answer carries the only copy of the private key, and the world ignores RunInstances' ClientToken as some endpoints
 * do. Whatever answer is lost, the launch ends with exactly one of each, and the vault key opens the key pair in AWS.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { Ec2World } from '../../testing/aws/ec2-world';
import { loseAnswers, routeToWorld, worldCall } from '../../testing/aws/ec2-world-wire';
import { memoryKeyVault } from '../../testing/aws/memory-key-vault';
import { launch, type LaunchRequest } from './launch-flow';

const credentials = { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'x'.repeat(40) };
const request: LaunchRequest = {
  setupId: 'setup-lost',
  region: 'ap-northeast-2',
  name: 'lost',
  ubuntu: '24.04',
  instanceType: 't3.micro',
  keyPair: { name: 'lost-key', type: 'ed25519', format: 'pem' },
  sshCidr: '198.51.100.7/32',
  volumeGiB: 20,
};

const CREATES = ['CreateKeyPair', 'CreateSecurityGroup', 'AuthorizeSecurityGroupIngress', 'RunInstances', 'AllocateAddress', 'AssociateAddress'];

function wired(world: Ec2World, lose: string[]) {
  const call = worldCall(world);
  const ec2 = new EC2Client({ region: request.region, credentials });
  const ssm = new SSMClient({ region: request.region, credentials });
  routeToWorld(ec2, 'ec2', call);
  routeToWorld(ssm, 'ssm', call);
  return { ec2, ssm, dropped: loseAnswers(ec2, lose) };
}

describe('a create call whose answer is lost', () => {
  it.each(CREATES)('%s: applied, answer dropped, retried by the SDK: still exactly one of each', async (command) => {
    const world = new Ec2World();
    const vault = memoryKeyVault();
    const { ec2, ssm, dropped } = wired(world, [command]);
    const result = await launch({ ec2, ssm, vault, waitBounds: { runningSeconds: 30, statusOkSeconds: 30 } }, request);
    expect(dropped.lost).toEqual([command]);
    expect(world.calls.filter((c) => c === command).length, `${command} was retried`).toBeGreaterThanOrEqual(2);

    expect(world.liveInstances()).toHaveLength(1);
    expect(world.addresses.size).toBe(1);
    expect(world.groups.size).toBe(1);
    expect(world.keyPairs.size).toBe(1);
    expect(vault.items.size).toBe(1);
    expect(result.instanceId).toBe(world.liveInstances()[0]?.id);
    expect([...world.addresses.values()][0]?.instanceId).toBe(result.instanceId);
    const rules = [...world.groups.values()][0]?.rules ?? [];
    expect(rules.map((r) => `${r.FromPort} ${r.CidrIpv4 ?? r.CidrIpv6}`).sort()).toEqual(['22 198.51.100.7/32', '443 0.0.0.0/0', '443 ::/0', '80 0.0.0.0/0', '80 ::/0'].sort());
  });

  it('every create loses its answer in the same run: still exactly one of each', async () => {
    const world = new Ec2World();
    const vault = memoryKeyVault();
    const { ec2, ssm, dropped } = wired(world, CREATES);
    await launch({ ec2, ssm, vault, waitBounds: { runningSeconds: 30, statusOkSeconds: 30 } }, request);
    expect(dropped.lost.sort()).toEqual([...CREATES].sort());
    expect([world.liveInstances().length, world.addresses.size, world.groups.size, world.keyPairs.size, vault.items.size]).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('twins an earlier run left behind', () => {
  it('a second idle address of the setup (the run died before its clean-up) is released; the one in use stays', async () => {
    const world = new Ec2World();
    const vault = memoryKeyVault();
    const { ec2, ssm } = wired(world, []);
    const first = await launch({ ec2, ssm, vault }, request);
    world.addresses.set('eipalloc-twin', { allocationId: 'eipalloc-twin', publicIp: '203.0.113.99', tags: [{ Key: 'onramp:setup', Value: request.setupId }] });
    const again = await launch({ ec2, ssm, vault }, request);
    expect(again.allocationId).toBe(first.allocationId);
    expect([...world.addresses.keys()]).toEqual([first.allocationId]);
  });
});

describe('an instance twin an earlier run left behind', () => {
  it('is terminated on the next launch; the older instance keeps the address', async () => {
    const world = new Ec2World();
    const vault = memoryKeyVault();
    const { ec2, ssm } = wired(world, []);
    const first = await launch({ ec2, ssm, vault }, request);
    const tags = [{ Key: 'onramp:setup', Value: request.setupId }];
    world.instances.set('i-twin', { id: 'i-twin', state: 'running', type: 't3.micro', keyName: 'lost-key', groupIds: [], tags, launchTime: new Date(Date.now() + 60_000) });
    const again = await launch({ ec2, ssm, vault }, request);
    expect(again.instanceId).toBe(first.instanceId);
    expect(world.liveInstances().map((i) => i.id)).toEqual([first.instanceId]);
    expect(world.instances.get('i-twin')?.state).toBe('terminated');
  });
});
