import { DescribeImagesCommand, DescribeInstanceTypeOfferingsCommand, DescribeInstanceTypesCommand, DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { imageNamePattern, resolveUbuntuImage, ssmParameterName } from './ami';
import { architectureOfType, listInstanceTypes } from './instance-types';
import { monthlyEstimate } from './price-table';
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

  it('lists free-tier types first, then common ones, only those offered in the region, with estimates', async () => {
    ec2Mock.on(DescribeInstanceTypeOfferingsCommand).resolves({ InstanceTypeOfferings: [{ InstanceType: 't3.micro' }, { InstanceType: 't3.small' }, { InstanceType: 't4g.micro' }] });
    ec2Mock.on(DescribeInstanceTypesCommand, { Filters: [{ Name: 'free-tier-eligible', Values: ['true'] }] }).resolves({
      InstanceTypes: [
        { InstanceType: 't2.micro', FreeTierEligible: true, VCpuInfo: { DefaultVCpus: 1 }, MemoryInfo: { SizeInMiB: 1024 } },
        { InstanceType: 't3.micro', FreeTierEligible: true, VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 1024 }, ProcessorInfo: { SupportedArchitectures: ['x86_64'] } },
      ],
    });
    ec2Mock.on(DescribeInstanceTypesCommand, { InstanceTypes: ['t3.micro', 't3.small', 't4g.micro'] }).resolves({
      InstanceTypes: [
        { InstanceType: 't3.micro', VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 1024 } },
        { InstanceType: 't3.small', VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 2048 } },
        { InstanceType: 't4g.micro', VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 1024 }, ProcessorInfo: { SupportedArchitectures: ['arm64'] } },
      ],
    });
    const types = await listInstanceTypes(ec2, 'ap-northeast-2');
    expect(types.map((t) => t.instanceType)).toEqual(['t3.micro', 't3.small', 't4g.micro']); // t2.micro is not offered here
    expect(types[0]).toMatchObject({ freeTierEligible: true, vcpus: 2, memoryMiB: 1024, estimate: { instanceUsd: 9.36, publicIpv4Usd: 3.6, totalUsd: 12.96 } });
    expect(types[2]?.architecture).toBe('arm64');
  });

  it('estimates a month as hourly × 24 × 30 plus the public IPv4 charge', () => {
    expect(monthlyEstimate('us-east-1', 't3.micro')).toMatchObject({ instanceUsd: 7.49, publicIpv4Usd: 3.6, totalUsd: 11.09 });
    expect(monthlyEstimate('us-east-1', 'p5.48xlarge')).toBeUndefined();
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
