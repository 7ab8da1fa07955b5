/**
 * The setup's Elastic IP: found again by its tag, else allocated (tagged), then
 * associated with the instance unless it already is.
 */
import { AllocateAddressCommand, AssociateAddressCommand, DescribeAddressesCommand, type Address, type EC2Client } from '@aws-sdk/client-ec2';
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

export async function ensureElasticIp(deps: Deps, setupId: string, name: string, instanceId: string): Promise<ElasticIp> {
  let eip = (await findSetupAddresses(deps, setupId))[0];
  if (!eip) {
    const out = await deps.ec2.send(
      new AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: tagSpecifications(setupId, `${name}-eip`, 'elastic-ip') }),
      { abortSignal: deps.signal },
    );
    if (!out.AllocationId || !out.PublicIp) throw new AppError('aws.invalidResponse', 'AllocateAddress returned no address', { awsCode: 'AllocateAddress' });
    eip = { allocationId: out.AllocationId, publicIp: out.PublicIp };
  }
  if (eip.instanceId === instanceId && eip.associationId) return eip;
  const assoc = await deps.ec2.send(
    new AssociateAddressCommand({ AllocationId: eip.allocationId, InstanceId: instanceId, AllowReassociation: true }),
    { abortSignal: deps.signal },
  );
  return { ...eip, instanceId, ...(assoc.AssociationId ? { associationId: assoc.AssociationId } : {}) };
}
