/**
 * A stateful stand-in for EC2 (and SSM's Ubuntu parameter) for tests: resources
 * live in memory, every call is counted, and `crashAfter(n)` makes the n-th call
 * take effect and then throw, as if the app died right after AWS answered. It
 * deliberately ignores ClientToken, as some AWS-compatible endpoints do, so a
 * test proves resume works from tags alone.
 */
import * as ec2 from '@aws-sdk/client-ec2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { generateKeyPairSync } from 'node:crypto';

type Tags = ec2.Tag[];
interface KeyPair { name: string; type: string; tags: Tags }
interface Group { id: string; name: string; vpcId: string; tags: Tags; rules: ec2.SecurityGroupRule[] }
interface Inst { id: string; state: string; type: string; keyName: string; groupIds: string[]; tags: Tags; launchTime: Date; volumeGiB?: number; volumeTags?: Tags }
interface Addr { allocationId: string; publicIp: string; associationId?: string; instanceId?: string; tags: Tags }

export class SimulatedCrash extends Error {
  constructor(readonly call: number) {
    super(`simulated crash after call ${call}`);
    this.name = 'SimulatedCrash';
  }
}

function awsError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
}

const tagsFrom = (specs: ec2.TagSpecification[] | undefined, type: string): Tags => specs?.find((s) => s.ResourceType === type)?.Tags ?? [];

function matches(tags: Tags, filters: ec2.Filter[] | undefined): boolean {
  return (filters ?? []).every((f) => {
    if (!f.Name?.startsWith('tag:')) return true;
    const key = f.Name.slice(4);
    return tags.some((t) => t.Key === key && (f.Values ?? []).includes(t.Value ?? ''));
  });
}

const UBUNTU_IMAGES = [
  { ImageId: 'ami-0000000000000aa1', Name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250101', CreationDate: '2025-01-01T00:00:00.000Z' },
  { ImageId: 'ami-0000000000000bb2', Name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20261101', CreationDate: '2026-11-01T00:00:00.000Z' },
  { ImageId: 'ami-0000000000000cc3', Name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-resolute-26.04-amd64-server-20261105', CreationDate: '2026-11-05T00:00:00.000Z' },
];

export class Ec2World {
  readonly keyPairs = new Map<string, KeyPair>();
  readonly groups = new Map<string, Group>();
  readonly instances = new Map<string, Inst>();
  readonly addresses = new Map<string, Addr>();
  hasDefaultVpc = true;
  hasSsmParameter = false;
  /** Calls by command name; polls by waiters are the Describe* calls made while waiting. */
  readonly calls: string[] = [];
  private seq = 0;
  private crashAt: number | undefined;
  /** Errors to throw once for a command name (e.g. InsufficientInstanceCapacity on RunInstances). */
  readonly failNext = new Map<string, Error>();

  private crashed: number | undefined;

  /** The next call of `command` takes effect, then it and every later call throw SimulatedCrash (the app died right after it). */
  crashAfterCommand(command: string): void {
    this.crashAfter(undefined);
    this.crashOn = command;
  }

  private crashOn: string | undefined;

  /** The `call`-th call takes effect, then it and every later call throw SimulatedCrash; undefined = restart the app. */
  crashAfter(call: number | undefined): void {
    this.crashAt = call;
    this.crashOn = undefined;
    this.crashed = undefined;
    this.dead = new AbortController();
  }

  private dead = new AbortController();
  /** Aborted at the crash, so waiters (which retry on errors) stop like a dead process would. */
  get crashSignal(): AbortSignal {
    return this.dead.signal;
  }

  liveInstances(): Inst[] {
    return [...this.instances.values()].filter((i) => i.state !== 'terminated');
  }

  private id(prefix: string): string {
    this.seq += 1;
    return `${prefix}-${this.seq.toString(16).padStart(17, '0')}`;
  }

  /** Wraps a handler: counts the call, applies it, and crashes afterwards when asked. */
  private call<I, O>(name: string, handler: (input: I) => O): (input: I) => Promise<O> {
    return async (input: I) => {
      // After a crash the process is gone: nothing it would have sent reaches AWS.
      if (this.crashed !== undefined) throw new SimulatedCrash(this.crashed);
      const failure = this.failNext.get(name);
      if (failure) {
        this.failNext.delete(name);
        throw failure;
      }
      this.calls.push(name);
      if (this.crashOn === name) {
        this.crashOn = undefined;
        this.crashAt = this.calls.length;
      }
      let out: O | undefined;
      let failed: { error: unknown } | undefined;
      try {
        out = handler(input);
      } catch (error) {
        failed = { error };
      }
      if (this.crashAt !== undefined && this.calls.length === this.crashAt) {
        this.crashed = this.calls.length;
        this.dead.abort(new SimulatedCrash(this.calls.length));
        throw new SimulatedCrash(this.calls.length);
      }
      if (failed) throw failed.error;
      return out as O;
    };
  }

  /** Routes every call of `client` and `ssm` (instances, or the classes: every instance) into this world. Returns a restore function. */
  attach(client: ec2.EC2Client | typeof ec2.EC2Client, ssm: SSMClient | typeof SSMClient): () => void {
    const restoreSsm = this.attachSsm(ssm);
    const restoreEc2 = this.attachEc2(client);
    return () => {
      restoreEc2();
      restoreSsm();
    };
  }

  /** SSM's Ubuntu parameter only (present when `hasSsmParameter`). */
  attachSsm(ssm: SSMClient | typeof SSMClient): () => void {
    const s = mockClient(ssm);
    s.on(GetParameterCommand).callsFake(this.call('GetParameter', (input: { Name?: string }) => {
      if (!this.hasSsmParameter) throw awsError('ParameterNotFound');
      return { Parameter: { Name: input.Name, Value: 'ami-0123456789abcdef0' } };
    }));
    return () => s.restore();
  }

  /** Every EC2 call the product makes, the catalog (regions, instance types) included. */
  attachEc2(client: ec2.EC2Client | typeof ec2.EC2Client): () => void {
    const m = mockClient(client);
    this.attachCatalog(m);
    m.on(ec2.DescribeKeyPairsCommand).callsFake(this.call('DescribeKeyPairs', (input: ec2.DescribeKeyPairsCommandInput) => {
      const names = input.KeyNames;
      const found = [...this.keyPairs.values()].filter((k) => (names ? names.includes(k.name) : matches(k.tags, input.Filters)));
      if (names && found.length === 0) throw awsError('InvalidKeyPair.NotFound');
      return { KeyPairs: found.map((k) => ({ KeyName: k.name, KeyType: k.type as ec2.KeyType, Tags: k.tags })) };
    }));
    m.on(ec2.CreateKeyPairCommand).callsFake(this.call('CreateKeyPair', (input: ec2.CreateKeyPairCommandInput) => {
      const name = input.KeyName ?? '';
      if (this.keyPairs.has(name)) throw awsError('InvalidKeyPair.Duplicate');
      this.keyPairs.set(name, { name, type: input.KeyType ?? 'rsa', tags: tagsFrom(input.TagSpecifications, 'key-pair') });
      return { KeyName: name, KeyMaterial: newPrivateKey(), KeyPairId: this.id('key') };
    }));
    m.on(ec2.DeleteKeyPairCommand).callsFake(this.call('DeleteKeyPair', (input: ec2.DeleteKeyPairCommandInput) => {
      this.keyPairs.delete(input.KeyName ?? '');
      return {};
    }));
    m.on(ec2.DescribeVpcsCommand).callsFake(this.call('DescribeVpcs', () => ({ Vpcs: this.hasDefaultVpc ? [{ VpcId: 'vpc-default', IsDefault: true }] : [] })));
    m.on(ec2.DescribeSecurityGroupsCommand).callsFake(this.call('DescribeSecurityGroups', (input: ec2.DescribeSecurityGroupsCommandInput) => ({
      SecurityGroups: [...this.groups.values()].filter((g) => matches(g.tags, input.Filters)).map((g) => ({ GroupId: g.id, GroupName: g.name, VpcId: g.vpcId, Tags: g.tags })),
    })));
    m.on(ec2.CreateSecurityGroupCommand).callsFake(this.call('CreateSecurityGroup', (input: ec2.CreateSecurityGroupCommandInput) => {
      if ([...this.groups.values()].some((g) => g.name === input.GroupName)) throw awsError('InvalidGroup.Duplicate');
      const id = this.id('sg');
      this.groups.set(id, { id, name: input.GroupName ?? '', vpcId: input.VpcId ?? '', tags: tagsFrom(input.TagSpecifications, 'security-group'), rules: [] });
      return { GroupId: id };
    }));
    m.on(ec2.DescribeSecurityGroupRulesCommand).callsFake(this.call('DescribeSecurityGroupRules', (input: ec2.DescribeSecurityGroupRulesCommandInput) => {
      const groupId = input.Filters?.find((f) => f.Name === 'group-id')?.Values?.[0] ?? '';
      return { SecurityGroupRules: this.groups.get(groupId)?.rules ?? [] };
    }));
    m.on(ec2.AuthorizeSecurityGroupIngressCommand).callsFake(this.call('AuthorizeSecurityGroupIngress', (input: ec2.AuthorizeSecurityGroupIngressCommandInput) => {
      const group = this.groups.get(input.GroupId ?? '');
      if (!group) throw awsError('InvalidGroup.NotFound');
      const incoming = (input.IpPermissions ?? []).flatMap((p) => [
        ...(p.IpRanges ?? []).map((r) => ({ port: p.FromPort, v4: r.CidrIp, v6: undefined })),
        ...(p.Ipv6Ranges ?? []).map((r) => ({ port: p.FromPort, v4: undefined, v6: r.CidrIpv6 })),
      ]);
      for (const r of incoming) {
        if (group.rules.some((x) => x.FromPort === r.port && x.CidrIpv4 === r.v4 && x.CidrIpv6 === r.v6)) throw awsError('InvalidPermission.Duplicate');
      }
      for (const r of incoming) {
        group.rules.push({ SecurityGroupRuleId: this.id('sgr'), GroupId: group.id, IsEgress: false, IpProtocol: 'tcp', FromPort: r.port, ToPort: r.port, ...(r.v4 ? { CidrIpv4: r.v4 } : {}), ...(r.v6 ? { CidrIpv6: r.v6 } : {}) });
      }
      return { Return: true };
    }));
    m.on(ec2.RevokeSecurityGroupIngressCommand).callsFake(this.call('RevokeSecurityGroupIngress', (input: ec2.RevokeSecurityGroupIngressCommandInput) => {
      const group = this.groups.get(input.GroupId ?? '');
      if (group) group.rules = group.rules.filter((r) => !(input.SecurityGroupRuleIds ?? []).includes(r.SecurityGroupRuleId ?? ''));
      return { Return: true };
    }));
    m.on(ec2.DeleteSecurityGroupCommand).callsFake(this.call('DeleteSecurityGroup', (input: ec2.DeleteSecurityGroupCommandInput) => {
      const id = input.GroupId ?? '';
      if (!this.groups.has(id)) throw awsError('InvalidGroup.NotFound');
      if (this.liveInstances().some((i) => i.groupIds.includes(id))) throw awsError('DependencyViolation');
      this.groups.delete(id);
      return {};
    }));
    // Canonical's images, answered by their name filter as EC2 does (the launch asks for one release's pattern).
    m.on(ec2.DescribeImagesCommand).callsFake(this.call('DescribeImages', (input: ec2.DescribeImagesCommandInput) => {
      const patterns = (input.Filters ?? []).find((filter) => filter.Name === 'name')?.Values ?? [];
      const glob = (pattern: string) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      return { Images: UBUNTU_IMAGES.filter((image) => patterns.length === 0 || patterns.some((pattern) => glob(pattern).test(image.Name))) };
    }));
    this.attachInstances(m);
    this.attachAddresses(m);
    return () => m.restore();
  }

  private attachInstances(m: ReturnType<typeof mockClient>): void {
    m.on(ec2.RunInstancesCommand).callsFake(this.call('RunInstances', (input: ec2.RunInstancesCommandInput) => {
      const id = this.id('i');
      this.instances.set(id, {
        id, state: 'running', type: input.InstanceType ?? 't3.micro', keyName: input.KeyName ?? '', groupIds: input.SecurityGroupIds ?? [],
        tags: tagsFrom(input.TagSpecifications, 'instance'), launchTime: new Date(),
        volumeGiB: input.BlockDeviceMappings?.[0]?.Ebs?.VolumeSize ?? 8, volumeTags: tagsFrom(input.TagSpecifications, 'volume'),
      });
      return { Instances: [{ InstanceId: id, State: { Name: 'pending' } }] };
    }));
    // The root volume lives as long as its instance (DeleteOnTermination), with the tags RunInstances gave it.
    m.on(ec2.DescribeVolumesCommand).callsFake(this.call('DescribeVolumes', (input: ec2.DescribeVolumesCommandInput) => ({
      Volumes: this.liveInstances().filter((i) => matches(i.volumeTags ?? [], input.Filters)).map((i) => ({
        VolumeId: `vol-${i.id.slice(2)}`, Size: i.volumeGiB ?? 8, VolumeType: 'gp3' as const, Tags: i.volumeTags ?? [], Attachments: [{ InstanceId: i.id }],
      })),
    })));
    m.on(ec2.DescribeInstancesCommand).callsFake(this.call('DescribeInstances', (input: ec2.DescribeInstancesCommandInput) => {
      const states = input.Filters?.find((f) => f.Name === 'instance-state-name')?.Values;
      const list = [...this.instances.values()].filter(
        (i) => (input.InstanceIds ? input.InstanceIds.includes(i.id) : matches(i.tags, input.Filters)) && (!states || states.includes(i.state)),
      );
      return { Reservations: list.length ? [{ Instances: list.map((i) => ({ InstanceId: i.id, State: { Name: i.state as ec2.InstanceStateName }, InstanceType: i.type as ec2._InstanceType, Tags: i.tags, LaunchTime: i.launchTime })) }] : [] };
    }));
    m.on(ec2.DescribeInstanceStatusCommand).callsFake(this.call('DescribeInstanceStatus', (input: ec2.DescribeInstanceStatusCommandInput) => ({
      InstanceStatuses: (input.InstanceIds ?? []).filter((id) => this.instances.get(id)?.state === 'running').map((id) => ({
        InstanceId: id, InstanceStatus: { Status: 'ok' as const }, SystemStatus: { Status: 'ok' as const },
      })),
    })));
    m.on(ec2.TerminateInstancesCommand).callsFake(this.call('TerminateInstances', (input: ec2.TerminateInstancesCommandInput) => {
      for (const id of input.InstanceIds ?? []) {
        const inst = this.instances.get(id);
        if (inst) inst.state = 'terminated';
        for (const a of this.addresses.values()) if (a.instanceId === id) { delete a.instanceId; delete a.associationId; }
      }
      return { TerminatingInstances: (input.InstanceIds ?? []).map((InstanceId) => ({ InstanceId })) };
    }));
  }

  /** Three regions (one not opted in) and a small set of x86 types, t3.micro free-tier eligible. */
  private attachCatalog(m: ReturnType<typeof mockClient>): void {
    const types: ec2.InstanceTypeInfo[] = [
      { InstanceType: 't3.micro', VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 1024 }, ProcessorInfo: { SupportedArchitectures: ['x86_64'] }, FreeTierEligible: true },
      { InstanceType: 't3.small', VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 2048 }, ProcessorInfo: { SupportedArchitectures: ['x86_64'] }, FreeTierEligible: false },
    ];
    m.on(ec2.DescribeRegionsCommand).callsFake(this.call('DescribeRegions', () => ({
      Regions: [
        { RegionName: 'ap-northeast-2', OptInStatus: 'opt-in-not-required' },
        { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
        { RegionName: 'af-south-1', OptInStatus: 'not-opted-in' },
      ],
    })));
    m.on(ec2.DescribeInstanceTypeOfferingsCommand).callsFake(this.call('DescribeInstanceTypeOfferings', () => ({
      InstanceTypeOfferings: types.map((t) => ({ InstanceType: t.InstanceType, LocationType: 'region' as const })),
    })));
    m.on(ec2.DescribeInstanceTypesCommand).callsFake(this.call('DescribeInstanceTypes', (input: ec2.DescribeInstanceTypesCommandInput) => ({
      InstanceTypes: types.filter((t) => (input.InstanceTypes ? input.InstanceTypes.includes(t.InstanceType ?? 't3.micro') : t.FreeTierEligible)),
    })));
  }

  private attachAddresses(m: ReturnType<typeof mockClient>): void {
    m.on(ec2.DescribeAddressesCommand).callsFake(this.call('DescribeAddresses', (input: ec2.DescribeAddressesCommandInput) => ({
      Addresses: [...this.addresses.values()].filter((a) => matches(a.tags, input.Filters)).map((a) => ({
        AllocationId: a.allocationId, PublicIp: a.publicIp, Tags: a.tags, ...(a.associationId ? { AssociationId: a.associationId } : {}), ...(a.instanceId ? { InstanceId: a.instanceId } : {}),
      })),
    })));
    m.on(ec2.AllocateAddressCommand).callsFake(this.call('AllocateAddress', (input: ec2.AllocateAddressCommandInput) => {
      const allocationId = this.id('eipalloc');
      const publicIp = `203.0.113.${this.addresses.size + 10}`;
      this.addresses.set(allocationId, { allocationId, publicIp, tags: tagsFrom(input.TagSpecifications, 'elastic-ip') });
      return { AllocationId: allocationId, PublicIp: publicIp };
    }));
    m.on(ec2.AssociateAddressCommand).callsFake(this.call('AssociateAddress', (input: ec2.AssociateAddressCommandInput) => {
      const a = this.addresses.get(input.AllocationId ?? '');
      if (!a) throw awsError('InvalidAllocationID.NotFound');
      a.instanceId = input.InstanceId ?? '';
      a.associationId = this.id('eipassoc');
      return { AssociationId: a.associationId };
    }));
    m.on(ec2.DisassociateAddressCommand).callsFake(this.call('DisassociateAddress', (input: ec2.DisassociateAddressCommandInput) => {
      for (const a of this.addresses.values()) if (a.associationId === input.AssociationId) { delete a.associationId; delete a.instanceId; }
      return {};
    }));
    m.on(ec2.ReleaseAddressCommand).callsFake(this.call('ReleaseAddress', (input: ec2.ReleaseAddressCommandInput) => {
      const a = this.addresses.get(input.AllocationId ?? '');
      if (!a) throw awsError('InvalidAllocationID.NotFound');
      if (a.associationId) throw awsError('InvalidIPAddress.InUse');
      this.addresses.delete(a.allocationId);
      return {};
    }));
  }
}

/** An RSA key in the PEM form CreateKeyPair returns (made once per test process, used nowhere else). */
let testKey: string | undefined;
function newPrivateKey(): string {
  testKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return testKey;
}
