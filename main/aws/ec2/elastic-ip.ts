/**
 * The setup's Elastic IP: found again by its tag, else allocated (tagged), then
 * associated with the instance unless it already is. A retried allocation whose
 * first answer was lost leaves no second address (see `allocate`).
 */
import { AllocateAddressCommand, AssociateAddressCommand, DescribeAddressesCommand, ReleaseAddressCommand, type Address, type EC2Client } from '@aws-sdk/client-ec2';
import { AppError } from '../../../common/errors';
import { setupFilter, tagSpecifications } from './tags';

type Deps = { ec2: EC2Client; signal?: AbortSignal };

export interface ElasticIp {
  allocationId: string;
  publicIp: string;
  associationId?: string;
  instanceId?: string;
}

function toElasticIp(a: Address): ElasticIp | undefined {
  if (!a.AllocationId || !a.PublicIp) return undefined;
  return {
    allocationId: a.AllocationId,
    publicIp: a.PublicIp,
    ...(a.AssociationId ? { associationId: a.AssociationId } : {}),
    ...(a.InstanceId ? { instanceId: a.InstanceId } : {}),
  };
}

export async function findSetupAddresses({ ec2, signal }: Deps, setupId: string): Promise<ElasticIp[]> {
  const out = await ec2.send(new DescribeAddressesCommand({ Filters: [setupFilter(setupId)] }), { abortSignal: signal });
  return (out.Addresses ?? []).flatMap((a) => toElasticIp(a) ?? []);
}

/** The address to keep: the one already on the instance, else the first. */
function pick(addresses: ElasticIp[], instanceId: string): ElasticIp | undefined {
  return addresses.find((a) => a.instanceId === instanceId && a.associationId) ?? addresses[0];
}

/**
 * AllocateAddress takes no idempotency token: when its answer was lost and the SDK retried, the first address exists
 * too, tagged for the setup. After allocating, the tag is listed again and every other address that is not associated
 * is released (an associated one is in use and stays).
 */
async function allocate(deps: Deps, setupId: string, name: string): Promise<ElasticIp> {
  const out = await deps.ec2.send(
    new AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: tagSpecifications(setupId, `${name}-eip`, 'elastic-ip') }),
    { abortSignal: deps.signal },
  );
  if (!out.AllocationId || !out.PublicIp) throw new AppError('aws.invalidResponse', 'AllocateAddress returned no address', { awsCode: 'AllocateAddress' });
  const allocated: ElasticIp = { allocationId: out.AllocationId, publicIp: out.PublicIp };
  await releaseExtras(deps, await findSetupAddresses(deps, setupId), allocated);
  return allocated;
}

/** Releases every address of the setup but `keep` that is not associated (an idle one is billed and holds nothing). */
async function releaseExtras(deps: Deps, addresses: ElasticIp[], keep: ElasticIp): Promise<void> {
  for (const extra of addresses) {
    if (extra.allocationId === keep.allocationId || extra.associationId) continue;
    await deps.ec2.send(new ReleaseAddressCommand({ AllocationId: extra.allocationId }), { abortSignal: deps.signal });
  }
}

export async function ensureElasticIp(deps: Deps, setupId: string, name: string, instanceId: string): Promise<ElasticIp> {
  const found = await findSetupAddresses(deps, setupId);
  const kept = pick(found, instanceId);
  // Twins left by an earlier run that died between a retried allocation and its clean-up.
  if (kept && found.length > 1) await releaseExtras(deps, found, kept);
  const eip = kept ?? (await allocate(deps, setupId, name));
  if (eip.instanceId === instanceId && eip.associationId) return eip;
  const assoc = await deps.ec2.send(
    new AssociateAddressCommand({ AllocationId: eip.allocationId, InstanceId: instanceId, AllowReassociation: true }),
    { abortSignal: deps.signal },
  );
  return { ...eip, instanceId, ...(assoc.AssociationId ? { associationId: assoc.AssociationId } : {}) };
}
