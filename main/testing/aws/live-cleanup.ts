/**
 * The live spec's own EC2 cleanup, written against the SDK directly and not
 * through Onramp's teardown, so a bug in the code under test can neither leave
 * resources behind in a real account nor hide them from the final check.
 * Everything is found by the setup tag (`onramp:setup=<setupId>`), as the
 * product tags it; the tag key is spelled out here on purpose.
 */
import {
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  DisassociateAddressCommand,
  ReleaseAddressCommand,
  TerminateInstancesCommand,
  waitUntilInstanceTerminated,
  type EC2Client,
  type Filter,
} from '@aws-sdk/client-ec2';

const byTag = (setupId: string): Filter[] => [{ Name: 'tag:onramp:setup', Values: [setupId] }];
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface TaggedLeft {
  addresses: string[];
  instances: string[];
  securityGroups: string[];
  keyPairs: string[];
}

/** What is still there for the setup (instances that are terminated or shutting down do not count). */
export async function taggedLeft(ec2: EC2Client, setupId: string): Promise<TaggedLeft> {
  const filters = byTag(setupId);
  const [addresses, reservations, groups, keys] = await Promise.all([
    ec2.send(new DescribeAddressesCommand({ Filters: filters })),
    ec2.send(new DescribeInstancesCommand({ Filters: [...filters, { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }] })),
    ec2.send(new DescribeSecurityGroupsCommand({ Filters: filters })),
    ec2.send(new DescribeKeyPairsCommand({ Filters: filters })),
  ]);
  return {
    addresses: (addresses.Addresses ?? []).map((a) => a.AllocationId ?? a.PublicIp ?? '?'),
    instances: (reservations.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId ?? '?'),
    securityGroups: (groups.SecurityGroups ?? []).map((g) => g.GroupId ?? '?'),
    keyPairs: (keys.KeyPairs ?? []).map((k) => k.KeyPairId ?? k.KeyName ?? '?'),
  };
}

/** Removes whatever is tagged for the setup, in the order AWS allows: addresses, instances, groups, key pairs. */
export async function removeTagged(ec2: EC2Client, setupId: string): Promise<void> {
  const filters = byTag(setupId);
  for (const address of (await ec2.send(new DescribeAddressesCommand({ Filters: filters }))).Addresses ?? []) {
    if (address.AssociationId) await ec2.send(new DisassociateAddressCommand({ AssociationId: address.AssociationId }));
    if (address.AllocationId) await ec2.send(new ReleaseAddressCommand({ AllocationId: address.AllocationId }));
  }
  const { instances } = await taggedLeft(ec2, setupId);
  if (instances.length > 0) {
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: instances }));
    await waitUntilInstanceTerminated({ client: ec2, maxWaitTime: 600 }, { InstanceIds: instances });
  }
  for (const group of (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: filters }))).SecurityGroups ?? []) {
    // A group stays "in use" for a while after its instance terminated.
    for (let attempt = 1; ; attempt++) {
      try {
        await ec2.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId }));
        break;
      } catch (error) {
        if ((error as { name?: string }).name !== 'DependencyViolation' || attempt >= 12) throw error;
        await sleep(10_000);
      }
    }
  }
  for (const key of (await ec2.send(new DescribeKeyPairsCommand({ Filters: filters }))).KeyPairs ?? []) {
    await ec2.send(new DeleteKeyPairCommand(key.KeyPairId ? { KeyPairId: key.KeyPairId } : { KeyName: key.KeyName }));
  }
}
