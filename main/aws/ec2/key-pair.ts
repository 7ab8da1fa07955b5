/**
 * The launch's key pair. CreateKeyPair's private key goes straight into the
 * vault (never to disk in plaintext). A key pair that already exists is reused
 * only when its private key is in the vault; a tagged one of this setup whose
 * private key was lost (a crash between CreateKeyPair and the vault write, or
 * a lost answer) is deleted and made again, since nobody can ever use it.
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
  /** The setup's own link to the item holding this key (setup.resources.sshKeyItemId), preferred when several do. */
  sshKeyItemId?: string;
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

/** What the launch needs of the vault: add the new key, and find (or retire) the items holding a key pair's private key. */
export interface KeyVault {
  add: SecretStore['add'];
  /**
   * The ssh-key items tied to AWS key pair `name` in `region` (its awsKeyPairName and region) and not marked gone,
   * newest first, as the vault file is now (another process may have added one).
   */
  keyPairItems(name: string, region: string): Promise<string[]>;
  /** The key pair of item `id` no longer exists in AWS: the item keeps its private key but no longer stands for the key pair. */
  markKeyPairGone(id: string): Promise<void>;
}

/** The item holding key pair `name`'s private key: the setup's own link when it is one of them, else the newest. */
export async function findKeyPair(vault: Pick<KeyVault, 'keyPairItems'>, name: string, region: string, preferred?: string): Promise<string | undefined> {
  const items = await vault.keyPairItems(name, region);
  return preferred && items.includes(preferred) ? preferred : items[0];
}

/** A tagged key pair of this setup whose private key nobody holds: deleted so it can be made again. */
async function deleteOrphan(ec2: EC2Client, existing: KeyPairInfo, request: KeyPairRequest, signal?: AbortSignal): Promise<void> {
  if (tagValue(existing.Tags, SETUP_TAG_KEY) !== request.setupId) {
    throw new AppError('ec2.keyPairNotInVault', `Key pair ${request.name} exists but its private key is not in the vault`, { name: request.name });
  }
  await ec2.send(new DeleteKeyPairCommand({ KeyName: request.name }), { abortSignal: signal });
}

async function createKeyPair(ec2: EC2Client, request: KeyPairRequest, signal?: AbortSignal): Promise<string> {
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
  return material;
}

/**
 * The key pair and the vault item with its private key. Vault items of a key pair that no longer exists (deleted by a
 * teardown that kept the key, or by hand) are marked gone first, so the setup never points at a dead key. CreateKeyPair
 * has no idempotency token: when its answer was lost and the SDK's retry meets InvalidKeyPair.Duplicate, the private
 * key is lost with the answer, so the key pair (tagged for this setup) is deleted and made once more.
 */
export async function ensureKeyPair(
  deps: { ec2: EC2Client; vault: KeyVault; signal?: AbortSignal },
  request: KeyPairRequest,
): Promise<KeyPairResult> {
  const { ec2, vault, signal } = deps;
  const existing = await describeKeyPair(ec2, request.name, signal);
  const items = await vault.keyPairItems(request.name, request.region);
  const held = request.sshKeyItemId && items.includes(request.sshKeyItemId) ? request.sshKeyItemId : items[0];
  if (existing && held) return { keyPairName: request.name, vaultItemId: held, reused: true };
  if (existing) await deleteOrphan(ec2, existing, request, signal);
  else for (const id of items) await vault.markKeyPairGone(id);
  let material: string;
  try {
    material = await createKeyPair(ec2, request, signal);
  } catch (error) {
    if (readErrorFacts(error).name !== 'InvalidKeyPair.Duplicate') throw error;
    const made = await describeKeyPair(ec2, request.name, signal);
    if (made) await deleteOrphan(ec2, made, request, signal);
    material = await createKeyPair(ec2, request, signal);
  }
  const item = await vault.add('ssh-key', { privateKey: material }, { label: request.name, awsKeyPairName: request.name, region: request.region });
  return { keyPairName: request.name, vaultItemId: item.id, reused: false };
}

export interface ReusableKeyPair {
  keyName: string;
  keyType: string;
}

/** The region's key pairs whose private key is in the vault: the only ones the launch may reuse. */
export async function reusableKeyPairs(deps: { ec2: EC2Client; vault: Pick<KeyVault, 'keyPairItems'>; signal?: AbortSignal }, region: string): Promise<ReusableKeyPair[]> {
  const out = await deps.ec2.send(new DescribeKeyPairsCommand({}), { abortSignal: deps.signal });
  const held = await Promise.all((out.KeyPairs ?? []).map(async (k) => (k.KeyName && (await findKeyPair(deps.vault, k.KeyName, region)) ? [{ keyName: k.KeyName, keyType: k.KeyType ?? 'rsa' }] : [])));
  return held.flat().sort((a, b) => a.keyName.localeCompare(b.keyName));
}
