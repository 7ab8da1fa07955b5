import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ec2World } from '../../testing/aws/ec2-world';
import { memoryKeyVault as memoryVault, type MemoryKeyVault } from '../../testing/aws/memory-key-vault';
import { launch, type LaunchRequest } from './launch-flow';
import { teardown } from './teardown';

const request: LaunchRequest = {
  setupId: 'setup-123',
  region: 'ap-northeast-2',
  name: 'my-server',
  ubuntu: '24.04',
  instanceType: 't3.micro',
  keyPair: { name: 'my-server-key', type: 'ed25519', format: 'pem' },
  sshCidr: '198.51.100.7/32',
  volumeGiB: 20,
};

let world: Ec2World;
let restore: () => void;
let ec2: EC2Client;
let ssm: SSMClient;

beforeEach(() => {
  world = new Ec2World();
  ec2 = new EC2Client({ region: 'ap-northeast-2', credentials: { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'x'.repeat(40) } });
  ssm = new SSMClient({ region: 'ap-northeast-2', credentials: { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'x'.repeat(40) } });
  restore = world.attach(ec2, ssm);
});
afterEach(() => restore());

function expectOneOfEach(vault: MemoryKeyVault): void {
  expect(world.liveInstances()).toHaveLength(1);
  expect(world.addresses.size).toBe(1);
  expect(world.groups.size).toBe(1);
  expect(world.keyPairs.size).toBe(1);
  expect(vault.items.size).toBe(1);
  const eip = [...world.addresses.values()][0];
  expect(eip?.instanceId).toBe(world.liveInstances()[0]?.id);
  const rules = [...world.groups.values()][0]?.rules ?? [];
  expect(rules.map((r) => `${r.FromPort} ${r.CidrIpv4 ?? r.CidrIpv6}`).sort()).toEqual(
    ['22 198.51.100.7/32', '443 0.0.0.0/0', '443 ::/0', '80 0.0.0.0/0', '80 ::/0'].sort(),
  );
}

describe('launch', () => {
  it('makes a key pair in the vault, a security group, an instance and an associated Elastic IP', async () => {
    const vault = memoryVault();
    const phases: string[] = [];
    const result = await launch({ ec2, ssm, vault, onPhase: (p) => phases.push(p) }, request);
    expectOneOfEach(vault);
    expect(result.imageId).toBe('ami-0000000000000bb2'); // no SSM parameter here: newest DescribeImages
    expect(phases).toEqual(['keyPair', 'securityGroup', 'image', 'instance', 'running', 'statusOk', 'elasticIp']);
    expect(vault.items.get(result.sshKeyItemId)?.privateKey).toMatch(/BEGIN RSA PRIVATE KEY/);
  });

  it('uses the SSM public parameter when it is there', async () => {
    world.hasSsmParameter = true;
    const result = await launch({ ec2, ssm, vault: memoryVault() }, request);
    expect(result.imageId).toBe('ami-0123456789abcdef0');
    expect(world.calls).not.toContain('DescribeImages');
  });

  it('running it again creates nothing new', async () => {
    const vault = memoryVault();
    const first = await launch({ ec2, ssm, vault }, request);
    const creates = () => world.calls.filter((c) => /^(Create|Run|Allocate)/.test(c)).length;
    const before = creates();
    const second = await launch({ ec2, ssm, vault }, request);
    expect(creates()).toBe(before);
    expect(second).toEqual(first);
    expectOneOfEach(vault);
  });

  it('explains a missing default VPC', async () => {
    world.hasDefaultVpc = false;
    await expect(launch({ ec2, ssm, vault: memoryVault() }, request)).rejects.toMatchObject({ code: 'ec2.noDefaultVpc' });
  });

  it('refuses to reuse a key pair whose private key is not in the vault', async () => {
    world.keyPairs.set('my-server-key', { name: 'my-server-key', type: 'rsa', tags: [] });
    await expect(launch({ ec2, ssm, vault: memoryVault() }, request)).rejects.toMatchObject({ code: 'ec2.keyPairNotInVault' });
  });
});

describe('resume after a crash at every call boundary', () => {
  it('never leaves a resource twice, whatever call the app died after', async () => {
    // Count the calls of one clean run, then crash after each of them in turn.
    const clean = new Ec2World();
    const c2 = new EC2Client({ region: 'ap-northeast-2', credentials: { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'x'.repeat(40) } });
    const s2 = new SSMClient({ region: 'ap-northeast-2', credentials: { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'x'.repeat(40) } });
    const undo = clean.attach(c2, s2);
    await launch({ ec2: c2, ssm: s2, vault: memoryVault() }, request);
    undo();
    const total = clean.calls.length;
    expect(total).toBeGreaterThan(10);

    for (let k = 1; k <= total; k += 1) {
      restore();
      world = new Ec2World();
      restore = world.attach(ec2, ssm);
      const vault = memoryVault();
      world.crashAfter(k);
      await expect(launch({ ec2, ssm, vault, signal: world.crashSignal }, request), `crash after call ${k} of ${total}`).rejects.toBeDefined();
      expect(world.crashSignal.aborted, `crashed at call ${k}`).toBe(true);
      world.crashAfter(undefined);
      // A crash between CreateKeyPair and the vault write loses the private key: the app must not keep it either.
      await launch({ ec2, ssm, vault }, request);
      expectOneOfEach(vault);
    }
  }, 120_000);
});

describe('teardown', () => {
  it('removes everything tagged for the setup, and is idempotent', async () => {
    const vault = memoryVault();
    await launch({ ec2, ssm, vault }, request);
    const parts: string[] = [];
    const first = await teardown({ ec2, onPart: (p) => parts.push(p) }, request.setupId);
    expect(first.failures).toEqual([]);
    expect(parts).toEqual(['elasticIp', 'instance', 'securityGroup', 'keyPair']);
    expect(world.liveInstances()).toHaveLength(0);
    expect(world.addresses.size).toBe(0);
    expect(world.groups.size).toBe(0);
    expect(world.keyPairs.size).toBe(0);
    const again = await teardown({ ec2 }, request.setupId);
    expect(again.failures).toEqual([]);
    expect(again.removed.instances).toEqual([]);
  });
});
