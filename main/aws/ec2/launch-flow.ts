/**
 * Launch, end to end: key pair → security group → image → instance → wait →
 * Elastic IP. Every phase first looks for what already exists (by the setup
 * tag), so running it again after a crash or a cancel continues where reality
 * stands and never makes anything twice.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { resolveUbuntuImage, type UbuntuVersion } from './ami';
import { ensureElasticIp } from './elastic-ip';
import { ensureInstance, waitForInstance, DEFAULT_WAIT, type WaitBounds } from './instance';
import { architectureOfType } from './instance-types';
import { ensureKeyPair, type KeyVault } from './key-pair';
import { ensureSecurityGroup } from './security-group';

export interface LaunchRequest {
  setupId: string;
  region: string;
  name: string;
  ubuntu: UbuntuVersion;
  instanceType: string;
  keyPair: { name: string; type: 'rsa' | 'ed25519'; format: 'pem' | 'ppk' };
  sshCidr: string;
  volumeGiB: number;
  /** The setup's own link to the vault item of its key (setup.resources.sshKeyItemId), if it has one. */
  sshKeyItemId?: string;
}

export interface LaunchResult {
  instanceId: string;
  imageId: string;
  keyPairName: string;
  sshKeyItemId: string;
  securityGroupId: string;
  allocationId: string;
  elasticIp: string;
  /** SSH sources revoked because they are not the chosen one (0.0.0.0/0, ::/0, an old IP). */
  sshRevoked: string[];
}

export type LaunchPhase = 'keyPair' | 'securityGroup' | 'image' | 'instance' | 'running' | 'statusOk' | 'elasticIp';
export const LAUNCH_PHASES: readonly LaunchPhase[] = ['keyPair', 'securityGroup', 'image', 'instance', 'running', 'statusOk', 'elasticIp'];

export interface LaunchDeps {
  ec2: EC2Client;
  ssm: SSMClient;
  vault: KeyVault;
  signal?: AbortSignal;
  /** Called as each phase starts. */
  onPhase?: (phase: LaunchPhase) => void;
  /** Called as soon as a resource id is known, so the setup can record it (ids are also found by tag). */
  onResource?: (patch: Partial<LaunchResult>) => Promise<void> | void;
  waitBounds?: WaitBounds;
}

export async function launch(deps: LaunchDeps, request: LaunchRequest): Promise<LaunchResult> {
  const { ec2, signal } = deps;
  const base = { ec2, ...(signal ? { signal } : {}) };
  const phase = (p: LaunchPhase) => deps.onPhase?.(p);
  const record = async (patch: Partial<LaunchResult>) => deps.onResource?.(patch);

  phase('keyPair');
  const key = await ensureKeyPair({ ...base, vault: deps.vault }, {
    setupId: request.setupId,
    region: request.region,
    ...request.keyPair,
    ...(request.sshKeyItemId ? { sshKeyItemId: request.sshKeyItemId } : {}),
  });
  await record({ keyPairName: key.keyPairName, sshKeyItemId: key.vaultItemId });

  phase('securityGroup');
  const sg = await ensureSecurityGroup(base, { setupId: request.setupId, name: request.name, sshCidr: request.sshCidr });
  await record({ securityGroupId: sg.groupId });

  phase('image');
  const image = await resolveUbuntuImage({ ec2, ssm: deps.ssm }, request.ubuntu, architectureOfType(request.instanceType), signal);

  phase('instance');
  const instance = await ensureInstance(base, {
    setupId: request.setupId,
    name: request.name,
    imageId: image.imageId,
    instanceType: request.instanceType,
    keyPairName: key.keyPairName,
    securityGroupId: sg.groupId,
    volumeGiB: request.volumeGiB,
  });
  await record({ instanceId: instance.instanceId });

  phase('running');
  await waitForInstance(base, instance.instanceId, (p) => p === 'running' && phase('statusOk'), deps.waitBounds ?? DEFAULT_WAIT);

  phase('elasticIp');
  const eip = await ensureElasticIp(base, request.setupId, request.name, instance.instanceId);
  await record({ allocationId: eip.allocationId, elasticIp: eip.publicIp });

  return {
    instanceId: instance.instanceId,
    imageId: image.imageId,
    keyPairName: key.keyPairName,
    sshKeyItemId: key.vaultItemId,
    securityGroupId: sg.groupId,
    allocationId: eip.allocationId,
    elasticIp: eip.publicIp,
    sshRevoked: sg.sshRevoked,
  };
}
