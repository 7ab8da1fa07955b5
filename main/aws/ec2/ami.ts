/**
 * The Ubuntu LTS image for a region and architecture: Canonical's SSM public
 * parameter first, then DescribeImages (owner 099720109477, newest) when the
 * parameter is missing or unreadable (not every endpoint or policy has it).
 */
import { DescribeImagesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { UBUNTU_CHOICES, type UbuntuChoice } from '../../../common/contract/constants';
import { AppError } from '../../../common/errors';

export const CANONICAL_OWNER = '099720109477';
export { DEFAULT_UBUNTU } from '../../../common/contract/constants';
export const UBUNTU_VERSIONS = UBUNTU_CHOICES;
export type UbuntuVersion = UbuntuChoice;
export type Architecture = 'x86_64' | 'arm64';

const CODENAME: Record<UbuntuVersion, string> = { '26.04': 'resolute', '24.04': 'noble', '22.04': 'jammy' };
/** 24.04 and 26.04 images are published on gp3, 22.04 on gp2 (Canonical's parameter paths say so). */
const VOLUME: Record<UbuntuVersion, { param: string; name: string }> = {
  '26.04': { param: 'ebs-gp3', name: 'hvm-ssd-gp3' },
  '24.04': { param: 'ebs-gp3', name: 'hvm-ssd-gp3' },
  '22.04': { param: 'ebs-gp2', name: 'hvm-ssd' },
};

export function ssmParameterName(version: UbuntuVersion, arch: Architecture): string {
  const a = arch === 'arm64' ? 'arm64' : 'amd64';
  return `/aws/service/canonical/ubuntu/server/${version}/stable/current/${a}/hvm/${VOLUME[version].param}/ami-id`;
}

export function imageNamePattern(version: UbuntuVersion, arch: Architecture): string {
  const a = arch === 'arm64' ? 'arm64' : 'amd64';
  return `ubuntu/images/${VOLUME[version].name}/ubuntu-${CODENAME[version]}-${version}-${a}-server-*`;
}

export interface ResolvedImage {
  imageId: string;
  source: 'ssm' | 'describe-images';
  name?: string;
}

const AMI_ID = /^ami-[0-9a-f]{8,17}$/;

export async function resolveUbuntuImage(
  clients: { ssm: SSMClient; ec2: EC2Client },
  version: UbuntuVersion,
  arch: Architecture,
  signal?: AbortSignal,
): Promise<ResolvedImage> {
  try {
    const out = await clients.ssm.send(new GetParameterCommand({ Name: ssmParameterName(version, arch) }), { abortSignal: signal });
    const value = out.Parameter?.Value;
    if (value && AMI_ID.test(value)) return { imageId: value, source: 'ssm' };
  } catch (error) {
    if (signal?.aborted) throw error;
    // Missing parameter, no ssm:GetParameter, or an endpoint without SSM: fall back below.
  }
  const images = await clients.ec2.send(
    new DescribeImagesCommand({
      Owners: [CANONICAL_OWNER],
      Filters: [
        { Name: 'name', Values: [imageNamePattern(version, arch)] },
        { Name: 'architecture', Values: [arch] },
        { Name: 'state', Values: ['available'] },
      ],
    }),
    { abortSignal: signal },
  );
  const newest = (images.Images ?? [])
    .filter((i) => i.ImageId && AMI_ID.test(i.ImageId))
    .sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
  if (!newest?.ImageId) throw new AppError('ec2.noUbuntuImage', `No Ubuntu ${version} image for ${arch}`, { version, arch });
  return { imageId: newest.ImageId, source: 'describe-images', ...(newest.Name ? { name: newest.Name } : {}) };
}
