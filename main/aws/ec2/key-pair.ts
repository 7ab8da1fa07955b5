/**
 * The launch's key pair. CreateKeyPair's private key goes straight into the
 * vault (never to disk in plaintext). A key pair that already exists is reused
 * only when its private key is in the vault; a tagged one of this setup whose
 * private key was lost (a crash between CreateKeyPair and the vault write) is
 * deleted and made again, since nobody can ever use it.
 */
import { CreateKeyPairCommand, DeleteKeyPairCommand, DescribeKeyPairsCommand, type EC2Client, type KeyPairInfo } from '@aws-sdk/client-ec2';
import { AppError } from '../../../common/errors';
import type { SecretStore } from '../../vault/secret-store';
import { readErrorFacts } from '../error-facts';
import { SETUP_TAG_KEY, tagSpecifications, tagValue } from './tags';

export interface KeyPairRequest {
  setupId: string;
  region: string;
  name: string;
  type: 'rsa' | 'ed25519';
  format: 'pem' | 'ppk';
}

export interface KeyPairResult {
  keyPairName: string;
  vaultItemId: string;
  reused: boolean;
}

export async function describeKeyPair(ec2: EC2Client, name: string, signal?: AbortSignal): Promise<KeyPairInfo | undefined> {
  try {
    const out = await ec2.send(new DescribeKeyPairsCommand({ KeyNames: [name] }), { abortSignal: signal });
    return out.KeyPairs?.find((k) => k.KeyName === name);
  } catch (error) {
    if (readErrorFacts(error).name === 'InvalidKeyPair.NotFound') return undefined;
    throw error;
  }
}

/** What the launch needs of the vault: add the new key, and find the item holding a key pair's private key. */
export interface KeyVault {
  add: SecretStore['add'];
  /** The id of the ssh-key item for AWS key pair `name` in `region`, if the vault has it. */
  findKeyPair(name: string, region: string): string | undefined;
}

export async function ensureKeyPair(
  deps: { ec2: EC2Client; vault: KeyVault; signal?: AbortSignal },
  request: KeyPairRequest,
): Promise<KeyPairResult> {
  const { ec2, vault, signal } = deps;
  const existing = await describeKeyPair(ec2, request.name, signal);
  const inVault = vault.findKeyPair(request.name, request.region);
  if (existing && inVault) return { keyPairName: request.name, vaultItemId: inVault, reused: true };
  if (existing) {
    if (tagValue(existing.Tags, SETUP_TAG_KEY) !== request.setupId) {
      throw new AppError('ec2.keyPairNotInVault', `Key pair ${request.name} exists but its private key is not in the vault`, {
        name: request.name,
      });
    }
    await ec2.send(new DeleteKeyPairCommand({ KeyName: request.name }), { abortSignal: signal });
  }
  const created = await ec2.send(
    new CreateKeyPairCommand({
      KeyName: request.name,
      KeyType: request.type,
      KeyFormat: request.format,
      TagSpecifications: tagSpecifications(request.setupId, request.name, 'key-pair'),
    }),
    { abortSignal: signal },
  );
  const material = created.KeyMaterial;
  if (!material) throw new AppError('aws.invalidResponse', 'CreateKeyPair returned no key material', { awsCode: 'CreateKeyPair' });
  const item = await vault.add('ssh-key', { privateKey: material }, { label: request.name, awsKeyPairName: request.name, region: request.region });
  return { keyPairName: request.name, vaultItemId: item.id, reused: false };
}

export interface ReusableKeyPair {
  keyName: string;
  keyType: string;
}

/** The region's key pairs whose private key is in the vault: the only ones the launch may reuse. */
export async function reusableKeyPairs(deps: { ec2: EC2Client; vault: Pick<KeyVault, 'findKeyPair'>; signal?: AbortSignal }, region: string): Promise<ReusableKeyPair[]> {
  const out = await deps.ec2.send(new DescribeKeyPairsCommand({}), { abortSignal: deps.signal });
  return (out.KeyPairs ?? [])
    .flatMap((k) => (k.KeyName && deps.vault.findKeyPair(k.KeyName, region) ? [{ keyName: k.KeyName, keyType: k.KeyType ?? 'rsa' }] : []))
    .sort((a, b) => a.keyName.localeCompare(b.keyName));
}
