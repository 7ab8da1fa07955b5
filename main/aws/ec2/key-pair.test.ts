/** Reusing a key pair: offered only when its private key is in the vault, and then launched with it without making a new one. */
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ec2World } from '../../testing/aws/ec2-world';
import { ensureKeyPair, reusableKeyPairs, type KeyVault } from './key-pair';

const credentials = { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'x'.repeat(40) };
let world: Ec2World;
let ec2: EC2Client;
let restore: () => void;
const added: string[] = [];

/** A vault that holds the private key of `held` key pairs (name@region). */
function vaultHolding(...held: string[]): KeyVault {
  return {
    add: async (_kind, _secret, meta) => {
      const m = meta as { awsKeyPairName?: string; region?: string; label: string };
      added.push(`${m.awsKeyPairName ?? ''}@${m.region ?? ''}`);
      return { id: `item-${added.length}`, kind: 'ssh-key', label: m.label } as Awaited<ReturnType<KeyVault['add']>>;
    },
    keyPairItems: async (name, region) => (held.includes(`${name}@${region}`) ? [`vault-${name}`] : []),
    markKeyPairGone: async () => undefined,
  };
}

beforeEach(() => {
  added.length = 0;
  world = new Ec2World();
  ec2 = new EC2Client({ region: 'ap-northeast-2', credentials });
  restore = world.attach(ec2, new SSMClient({ region: 'ap-northeast-2', credentials }));
  world.keyPairs.set('laptop', { name: 'laptop', type: 'ed25519', tags: [] });
  world.keyPairs.set('old-server', { name: 'old-server', type: 'rsa', tags: [] });
  world.keyPairs.set('lost', { name: 'lost', type: 'rsa', tags: [] });
});
afterEach(() => restore());

describe('reusableKeyPairs', () => {
  it('lists only the key pairs whose private key the vault holds for this region', async () => {
    const vault = vaultHolding('old-server@ap-northeast-2', 'laptop@us-east-1');
    expect(await reusableKeyPairs({ ec2, vault }, 'ap-northeast-2')).toEqual([{ keyName: 'old-server', keyType: 'rsa' }]);
  });

  it('offers nothing when the vault holds none of them', async () => {
    expect(await reusableKeyPairs({ ec2, vault: vaultHolding() }, 'ap-northeast-2')).toEqual([]);
  });
});

describe('ensureKeyPair with a chosen existing key pair', () => {
  const request = { setupId: 'setup-1', region: 'ap-northeast-2', type: 'ed25519' as const, format: 'pem' as const };

  it('reuses a key pair whose private key is in the vault, creating nothing', async () => {
    const result = await ensureKeyPair({ ec2, vault: vaultHolding('old-server@ap-northeast-2') }, { ...request, name: 'old-server' });
    expect(result).toEqual({ keyPairName: 'old-server', vaultItemId: 'vault-old-server', reused: true });
    expect(world.calls).not.toContain('CreateKeyPair');
    expect(added).toEqual([]);
  });

  it('refuses a key pair of someone else whose private key is not in the vault, and leaves it alone', async () => {
    await expect(ensureKeyPair({ ec2, vault: vaultHolding() }, { ...request, name: 'lost' })).rejects.toMatchObject({ code: 'ec2.keyPairNotInVault' });
    expect(world.keyPairs.has('lost')).toBe(true);
    expect(world.calls).not.toContain('DeleteKeyPair');
  });
});
