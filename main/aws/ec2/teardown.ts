/**
 * Removes everything tagged for a setup, in a safe order: disassociate and
 * release the Elastic IP (an idle one is billed), terminate the instance and
 * wait, delete the security group, delete the key pair (and, if asked, its
 * vault item). Idempotent: what is already gone is skipped. A failure in one
 * part is reported and the rest still runs.
 */
import {
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  DisassociateAddressCommand,
  ReleaseAddressCommand,
  TerminateInstancesCommand,
  waitUntilInstanceTerminated,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { readErrorFacts } from '../error-facts';
import { findSetupAddresses } from './elastic-ip';
import { setupFilter } from './tags';

export interface TaggedResources {
  addresses: { allocationId: string; publicIp: string; associationId?: string }[];
  instances: { instanceId: string; state: string; instanceType?: string }[];
  securityGroups: { groupId: string; name?: string }[];
  keyPairs: { keyName: string }[];
}

type Deps = { ec2: EC2Client; signal?: AbortSignal };

export async function listTagged(deps: Deps, setupId: string): Promise<TaggedResources> {
  const { ec2, signal } = deps;
  const opts = { abortSignal: signal };
  const [addresses, instances, groups, keys] = await Promise.all([
    findSetupAddresses(deps, setupId),
    ec2.send(new DescribeInstancesCommand({ Filters: [setupFilter(setupId)] }), opts),
    ec2.send(new DescribeSecurityGroupsCommand({ Filters: [setupFilter(setupId)] }), opts),
    ec2.send(new DescribeKeyPairsCommand({ Filters: [setupFilter(setupId)] }), opts),
  ]);
  return {
    addresses,
    instances: (instances.Reservations ?? [])
      .flatMap((r) => r.Instances ?? [])
      .filter((i) => i.InstanceId && i.State?.Name !== 'terminated')
      .map((i) => ({ instanceId: i.InstanceId ?? '', state: i.State?.Name ?? 'unknown', ...(i.InstanceType ? { instanceType: i.InstanceType } : {}) })),
    securityGroups: (groups.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [{ groupId: g.GroupId, ...(g.GroupName ? { name: g.GroupName } : {}) }] : [])),
    keyPairs: (keys.KeyPairs ?? []).flatMap((k) => (k.KeyName ? [{ keyName: k.KeyName }] : [])),
  };
}

export type TeardownPart = 'elasticIp' | 'instance' | 'securityGroup' | 'keyPair';
export interface TeardownFailure {
  part: TeardownPart;
  id: string;
  error: unknown;
}

const GONE = new Set([
  'InvalidAllocationID.NotFound',
  'InvalidAssociationID.NotFound',
  'InvalidInstanceID.NotFound',
  'InvalidGroup.NotFound',
  'InvalidKeyPair.NotFound',
]);

export async function teardown(
  deps: Deps & { onPart?: (part: TeardownPart) => void; terminateWaitSeconds?: number },
  setupId: string,
): Promise<{ removed: TaggedResources; failures: TeardownFailure[] }> {
  const { ec2, signal } = deps;
  const opts = { abortSignal: signal };
  const found = await listTagged(deps, setupId);
  const failures: TeardownFailure[] = [];
  const attempt = async (part: TeardownPart, id: string, task: () => Promise<unknown>) => {
    try {
      await task();
    } catch (error) {
      if (signal?.aborted) throw error;
      if (!GONE.has(readErrorFacts(error).name)) failures.push({ part, id, error });
    }
  };

  deps.onPart?.('elasticIp');
  for (const a of found.addresses) {
    await attempt('elasticIp', a.allocationId, async () => {
      if (a.associationId) await ec2.send(new DisassociateAddressCommand({ AssociationId: a.associationId }), opts);
      await ec2.send(new ReleaseAddressCommand({ AllocationId: a.allocationId }), opts);
    });
  }
  deps.onPart?.('instance');
  const ids = found.instances.map((i) => i.instanceId);
  if (ids.length) {
    await attempt('instance', ids.join(','), async () => {
      await ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }), opts);
      await waitUntilInstanceTerminated(
        { client: ec2, maxWaitTime: deps.terminateWaitSeconds ?? 600, minDelay: 2, maxDelay: 15, ...(signal ? { abortSignal: signal } : {}) },
        { InstanceIds: ids },
      );
    });
  }
  deps.onPart?.('securityGroup');
  for (const g of found.securityGroups) {
    await attempt('securityGroup', g.groupId, () => ec2.send(new DeleteSecurityGroupCommand({ GroupId: g.groupId }), opts));
  }
  deps.onPart?.('keyPair');
  for (const k of found.keyPairs) {
    await attempt('keyPair', k.keyName, () => ec2.send(new DeleteKeyPairCommand({ KeyName: k.keyName }), opts));
  }
  return { removed: found, failures };
}
