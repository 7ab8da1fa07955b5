/** The setup's EBS volumes (the instance's root volume carries the setup tag from RunInstances). */
import { DescribeVolumesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { setupFilter } from './tags';

export interface SetupVolume {
  volumeId: string;
  sizeGiB: number;
  volumeType?: string;
}

export async function findSetupVolumes({ ec2, signal }: { ec2: EC2Client; signal?: AbortSignal }, setupId: string): Promise<SetupVolume[]> {
  const volumes: SetupVolume[] = [];
  let next: string | undefined;
  do {
    const page = await ec2.send(new DescribeVolumesCommand({ Filters: [setupFilter(setupId)], NextToken: next }), { abortSignal: signal });
    for (const v of page.Volumes ?? []) {
      if (v.VolumeId && v.State !== 'deleted' && v.State !== 'deleting') volumes.push({ volumeId: v.VolumeId, sizeGiB: v.Size ?? 0, ...(v.VolumeType ? { volumeType: v.VolumeType } : {}) });
    }
    next = page.NextToken;
  } while (next);
  return volumes;
}
