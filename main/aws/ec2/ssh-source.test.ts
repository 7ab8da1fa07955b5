/**
 * SSH narrows to the chosen source: a launch "from anywhere" and then "from my IP" leaves port 22 open to that IP
 * only (IPv4 and IPv6 sources revoked, and reported); a change of IP revokes the old one; the Connect page's check
 * tells whether the current IP is still allowed.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ec2World } from '../../testing/aws/ec2-world';
import { memoryKeyVault } from '../../testing/aws/memory-key-vault';
import { launch, type LaunchRequest } from './launch-flow';
import { addRule, findSetupGroup, ipv4InCidr, sshAccess } from './security-group';

const credentials = { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'x'.repeat(40) };
const request: LaunchRequest = {
  setupId: 'setup-ssh',
  region: 'ap-northeast-2',
  name: 'web',
  ubuntu: '24.04',
  instanceType: 't3.micro',
  keyPair: { name: 'web-key', type: 'ed25519', format: 'pem' },
  sshCidr: '0.0.0.0/0',
  volumeGiB: 16,
};

let world: Ec2World;
let ec2: EC2Client;
let ssm: SSMClient;
let restore: () => void;
beforeEach(() => {
  world = new Ec2World();
  ec2 = new EC2Client({ region: request.region, credentials });
  ssm = new SSMClient({ region: request.region, credentials });
  restore = world.attach(ec2, ssm);
});
afterEach(() => restore());

const sshSources = () => ([...world.groups.values()][0]?.rules ?? []).filter((r) => r.FromPort === 22).map((r) => r.CidrIpv4 ?? r.CidrIpv6).sort();

describe('the SSH source', () => {
  it('anywhere, then my IP: only my IP stays open on port 22, and the launch says what it revoked', async () => {
    const vault = memoryKeyVault();
    const first = await launch({ ec2, ssm, vault }, request);
    expect(first.sshRevoked).toEqual([]);
    expect(sshSources()).toEqual(['0.0.0.0/0']);
    const groupId = (await findSetupGroup({ ec2 }, request.setupId)) ?? '';
    await addRule({ ec2 }, groupId, { port: 22, cidr: '::/0' }); // someone opened IPv6 too

    const second = await launch({ ec2, ssm, vault }, { ...request, sshCidr: '198.51.100.7/32' });
    expect(second.sshRevoked.sort()).toEqual(['0.0.0.0/0', '::/0']);
    expect(sshSources()).toEqual(['198.51.100.7/32']);
    const others = ([...world.groups.values()][0]?.rules ?? []).filter((r) => r.FromPort !== 22).map((r) => `${r.FromPort} ${r.CidrIpv4 ?? r.CidrIpv6}`);
    expect(others.sort()).toEqual(['443 0.0.0.0/0', '443 ::/0', '80 0.0.0.0/0', '80 ::/0']);

    const third = await launch({ ec2, ssm, vault }, { ...request, sshCidr: '203.0.113.9/32' }); // another IP
    expect(third.sshRevoked).toEqual(['198.51.100.7/32']);
    expect(sshSources()).toEqual(['203.0.113.9/32']);
  });

  it('tells whether the current IP may connect, and from which sources SSH is open', async () => {
    await launch({ ec2, ssm, vault: memoryKeyVault() }, { ...request, sshCidr: '198.51.100.7/32' });
    const groupId = (await findSetupGroup({ ec2 }, request.setupId)) ?? '';
    expect(await sshAccess({ ec2 }, groupId, '198.51.100.7')).toEqual({ allowed: true, sources: ['198.51.100.7/32'] });
    expect(await sshAccess({ ec2 }, groupId, '198.51.100.8')).toEqual({ allowed: false, sources: ['198.51.100.7/32'] });
    expect(ipv4InCidr('10.1.2.3', '10.0.0.0/8')).toBe(true);
    expect(ipv4InCidr('11.1.2.3', '10.0.0.0/8')).toBe(false);
    expect(ipv4InCidr('198.51.100.7', '0.0.0.0/0')).toBe(true);
    expect(ipv4InCidr('198.51.100.7', '::/0')).toBe(false);
  });
});
