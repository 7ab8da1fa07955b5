import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { launch, type LaunchRequest } from '../../aws/ec2/launch-flow';
import type { KeyVault } from '../../aws/ec2/key-pair';
import { Ec2World } from './ec2-world';
import { removeTagged, taggedLeft } from './live-cleanup';

const credentials = { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'x'.repeat(40) };
const request = (setupId: string): LaunchRequest => ({
  setupId,
  region: 'ap-northeast-2',
  name: `server-${setupId}`,
  ubuntu: '24.04',
  instanceType: 't3.micro',
  keyPair: { name: `${setupId}-key`, type: 'ed25519', format: 'pem' },
  sshCidr: '198.51.100.7/32',
  volumeGiB: 20,
});
const vault: KeyVault = {
  add: async (_kind, _secret, meta) => ({ id: `item-${(meta as { label: string }).label}`, kind: 'ssh-key', label: 'k' }) as never,
  keyPairItems: async () => [],
  markKeyPairGone: async () => undefined,
};

describe("the live spec's own cleanup", () => {
  it('removes everything one setup made (Elastic IP, instance, group, key pair) and nothing of another setup', async () => {
    const world = new Ec2World();
    const ec2 = new EC2Client({ region: 'ap-northeast-2', credentials });
    const ssm = new SSMClient({ region: 'ap-northeast-2', credentials });
    const restore = world.attach(ec2, ssm);
    try {
      await launch({ ec2, ssm, vault }, request('live-a'));
      await launch({ ec2, ssm, vault }, request('live-b'));
      const before = await taggedLeft(ec2, 'live-a');
      expect([before.addresses, before.instances, before.securityGroups, before.keyPairs].map((ids) => ids.length)).toEqual([1, 1, 1, 1]);

      await removeTagged(ec2, 'live-a');
      expect(await taggedLeft(ec2, 'live-a')).toEqual({ addresses: [], instances: [], securityGroups: [], keyPairs: [] });
      const other = await taggedLeft(ec2, 'live-b');
      expect([other.addresses, other.instances, other.securityGroups, other.keyPairs].map((ids) => ids.length)).toEqual([1, 1, 1, 1]);
      await removeTagged(ec2, 'live-a'); // nothing left: a second run is a no-op
    } finally {
      restore();
    }
  });
});
