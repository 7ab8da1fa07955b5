import { DescribeImagesCommand, DescribeInstanceTypeOfferingsCommand, DescribeInstanceTypesCommand, DescribeRegionsCommand, EC2Client, type _InstanceType } from '@aws-sdk/client-ec2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_UBUNTU, imageNamePattern, resolveUbuntuImage, ssmParameterName, UBUNTU_VERSIONS } from './ami';
import { FREE_PLAN_TYPES } from '../../../common/cost/free-plan';
import { architectureOfType, listInstanceTypes, SUGGESTED_TYPES, typesForPlan } from './instance-types';
import { listRegions } from './regions';

const credentials = { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'x'.repeat(40) };
const ec2 = new EC2Client({ region: 'ap-northeast-2', credentials });
const ssm = new SSMClient({ region: 'ap-northeast-2', credentials });
const ec2Mock = mockClient(ec2);
const ssmMock = mockClient(ssm);
beforeEach(() => {
  ec2Mock.reset();
  ssmMock.reset();
});

describe('Ubuntu image', () => {
  it('names the parameter and image pattern per version and architecture', () => {
    expect(ssmParameterName('24.04', 'x86_64')).toBe('/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id');
    expect(ssmParameterName('22.04', 'arm64')).toBe('/aws/service/canonical/ubuntu/server/22.04/stable/current/arm64/hvm/ebs-gp2/ami-id');
    expect(imageNamePattern('22.04', 'x86_64')).toBe('ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*');
  });

  it('offers 26.04 (resolute, gp3) by its parameter and image name, as the default (the server steps are proven on it)', () => {
    expect(UBUNTU_VERSIONS).toEqual(['26.04', '24.04', '22.04']);
    expect(DEFAULT_UBUNTU).toBe('26.04');
    expect(ssmParameterName('26.04', 'x86_64')).toBe('/aws/service/canonical/ubuntu/server/26.04/stable/current/amd64/hvm/ebs-gp3/ami-id');
    expect(ssmParameterName('26.04', 'arm64')).toBe('/aws/service/canonical/ubuntu/server/26.04/stable/current/arm64/hvm/ebs-gp3/ami-id');
    expect(imageNamePattern('26.04', 'arm64')).toBe('ubuntu/images/hvm-ssd-gp3/ubuntu-resolute-26.04-arm64-server-*');
  });

  it('resolves 26.04 from its SSM parameter', async () => {
    ssmMock.on(GetParameterCommand, { Name: '/aws/service/canonical/ubuntu/server/26.04/stable/current/amd64/hvm/ebs-gp3/ami-id' }).resolves({ Parameter: { Value: 'ami-0260426042604260a' } });
    await expect(resolveUbuntuImage({ ec2, ssm }, '26.04', 'x86_64')).resolves.toEqual({ imageId: 'ami-0260426042604260a', source: 'ssm' });
    expect(ec2Mock.commandCalls(DescribeImagesCommand)).toHaveLength(0);
  });

  it('finds 26.04 by Canonical\'s image name when the parameter is missing', async () => {
    ssmMock.on(GetParameterCommand).rejects(Object.assign(new Error('missing'), { name: 'ParameterNotFound' }));
    ec2Mock.on(DescribeImagesCommand).resolves({
      Images: [
        { ImageId: 'ami-0aaaaaaaaaaaaaa26', Name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-resolute-26.04-amd64-server-20260423', CreationDate: '2026-04-23T00:00:00Z' },
        { ImageId: 'ami-0bbbbbbbbbbbbbb26', Name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-resolute-26.04-amd64-server-20260806', CreationDate: '2026-08-06T00:00:00Z' },
      ],
    });
    await expect(resolveUbuntuImage({ ec2, ssm }, '26.04', 'x86_64')).resolves.toMatchObject({ imageId: 'ami-0bbbbbbbbbbbbbb26', source: 'describe-images' });
    const filters = ec2Mock.commandCalls(DescribeImagesCommand)[0]?.args[0].input.Filters;
    expect(filters).toContainEqual({ Name: 'name', Values: ['ubuntu/images/hvm-ssd-gp3/ubuntu-resolute-26.04-amd64-server-*'] });
  });

  it('falls back to the newest Canonical image when the parameter cannot be read', async () => {
    ssmMock.on(GetParameterCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    ec2Mock.on(DescribeImagesCommand).resolves({
      Images: [
        { ImageId: 'ami-0aaaaaaaaaaaaaaa1', CreationDate: '2026-01-01T00:00:00Z' },
        { ImageId: 'ami-0bbbbbbbbbbbbbbb2', CreationDate: '2026-10-01T00:00:00Z' },
      ],
    });
    await expect(resolveUbuntuImage({ ec2, ssm }, '24.04', 'arm64')).resolves.toMatchObject({ imageId: 'ami-0bbbbbbbbbbbbbbb2', source: 'describe-images' });
    const input = ec2Mock.commandCalls(DescribeImagesCommand)[0]?.args[0].input;
    expect(input?.Owners).toEqual(['099720109477']);
    expect(input?.Filters).toContainEqual({ Name: 'architecture', Values: ['arm64'] });
  });

  it('ignores a parameter value that is not an AMI id', async () => {
    ssmMock.on(GetParameterCommand).resolves({ Parameter: { Value: 'not-an-ami' } });
    ec2Mock.on(DescribeImagesCommand).resolves({ Images: [] });
    await expect(resolveUbuntuImage({ ec2, ssm }, '24.04', 'x86_64')).rejects.toMatchObject({ code: 'ec2.noUbuntuImage' });
  });
});

describe('instance types', () => {
  it('knows Graviton types are arm64', () => {
    expect(architectureOfType('t4g.micro')).toBe('arm64');
    expect(architectureOfType('c6gn.large')).toBe('arm64');
    expect(architectureOfType('a1.medium')).toBe('arm64');
    expect(architectureOfType('t3.micro')).toBe('x86_64');
    expect(architectureOfType('m7i-flex.large')).toBe('x86_64');
  });

  const paid = { state: 'paid' } as const;
  const unknown = { state: 'unknown', reason: 'denied' } as const;
  const free = { state: 'free', status: 'active', creditsUsd: 180 } as const;

  const info = (type: string, vcpus: number, mib: number, extra: Record<string, unknown> = {}) => ({ InstanceType: type as _InstanceType, VCpuInfo: { DefaultVCpus: vcpus }, MemoryInfo: { SizeInMiB: mib }, ...extra });

  it('offers the suggested types offered in the region, AWS-eligible first, with their prices, and never t2.micro', async () => {
    ec2Mock.on(DescribeInstanceTypeOfferingsCommand).resolves({ InstanceTypeOfferings: [{ InstanceType: 't2.micro' }, { InstanceType: 't3.micro' }, { InstanceType: 't3.small' }, { InstanceType: 't4g.micro' }] });
    ec2Mock.on(DescribeInstanceTypesCommand).resolves({
      InstanceTypes: [
        info('t3.small', 2, 2048),
        info('t4g.micro', 2, 1024, { ProcessorInfo: { SupportedArchitectures: ['arm64'] } }),
        info('t3.micro', 2, 1024, { FreeTierEligible: true, ProcessorInfo: { SupportedArchitectures: ['x86_64'] } }),
      ],
    });
    const types = await listInstanceTypes(ec2, 'ap-northeast-2', paid);
    expect(types.map((t) => t.instanceType)).toEqual(['t3.micro', 't4g.micro', 't3.small']);
    expect(types[0]).toMatchObject({ freeTierEligible: true, vcpus: 2, memoryMiB: 1024, price: { hourlyUsd: 0.013, gp3UsdPerGiBMonth: 0.0912 } });
    expect(types[1]).toMatchObject({ architecture: 'arm64', freeTierEligible: false });
    const asked = ec2Mock.commandCalls(DescribeInstanceTypesCommand)[0]?.args[0].input.InstanceTypes;
    expect(asked).not.toContain('t2.micro');
    expect(SUGGESTED_TYPES).not.toContain('t2.micro');
  });

  it('on the Free plan lists only the eligible types, all marked eligible', async () => {
    ec2Mock.on(DescribeInstanceTypeOfferingsCommand).resolves({ InstanceTypeOfferings: [{ InstanceType: 't3.micro' }, { InstanceType: 't3.medium' }, { InstanceType: 'm7i-flex.large' }, { InstanceType: 't4g.small' }] });
    ec2Mock.on(DescribeInstanceTypesCommand).callsFake((input: { InstanceTypes?: string[] }) => ({
      InstanceTypes: (input.InstanceTypes ?? []).map((t) => info(t, 2, t === 'm7i-flex.large' ? 8192 : t === 't4g.small' ? 2048 : 1024)),
    }));
    const types = await listInstanceTypes(ec2, 'us-east-1', free);
    expect(types.map((t) => t.instanceType)).toEqual(['t3.micro', 't4g.small', 'm7i-flex.large']);
    expect(types.every((t) => t.freeTierEligible)).toBe(true);
    expect(typesForPlan(free)).toEqual([...FREE_PLAN_TYPES]);
    const filter = ec2Mock.commandCalls(DescribeInstanceTypeOfferingsCommand)[0]?.args[0].input.Filters;
    expect(filter).toEqual([{ Name: 'instance-type', Values: [...FREE_PLAN_TYPES] }]);
  });

  it('with the plan unknown offers the whole suggested set and keeps AWS\'s eligibility flag', async () => {
    ec2Mock.on(DescribeInstanceTypeOfferingsCommand).resolves({ InstanceTypeOfferings: [{ InstanceType: 't3.medium' }, { InstanceType: 't3.micro' }] });
    ec2Mock.on(DescribeInstanceTypesCommand).resolves({ InstanceTypes: [info('t3.medium', 2, 4096), info('t3.micro', 2, 1024)] });
    const types = await listInstanceTypes(ec2, 'sa-east-1', unknown);
    expect(types.map((t) => [t.instanceType, t.freeTierEligible])).toEqual([
      ['t3.micro', false],
      ['t3.medium', false],
    ]);
    expect(types.every((t) => t.price === undefined)).toBe(true); // no prices for this region: "no estimate"
  });
});

describe('regions', () => {
  it('lists every region with its opt-in status', async () => {
    ec2Mock.on(DescribeRegionsCommand).resolves({
      Regions: [
        { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
        { RegionName: 'ap-east-1', OptInStatus: 'not-opted-in' },
        { RegionName: 'ap-northeast-2', OptInStatus: 'opt-in-not-required' },
      ],
    });
    const regions = await listRegions(ec2);
    expect(regions.map((r) => `${r.region}:${r.usable}`)).toEqual(['ap-east-1:false', 'ap-northeast-2:true', 'us-east-1:true']);
    expect(ec2Mock.commandCalls(DescribeRegionsCommand)[0]?.args[0].input).toEqual({ AllRegions: true });
  });
});
