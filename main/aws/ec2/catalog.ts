/** The launch form's lists: regions and instance types (for the account's plan), for the connection's credentials. */
import { EC2Client } from '@aws-sdk/client-ec2';
import type { AccountPlan } from '../../../common/contract/schemas/billing';
import type { AwsClients } from '../client-factory';
import { listInstanceTypes, type InstanceTypeChoice } from './instance-types';
import { listRegions, type RegionChoice } from './regions';

export function regions(ec2: EC2Client): Promise<RegionChoice[]> {
  return listRegions(ec2);
}

export function instanceTypes(clients: AwsClients, region: string, plan: AccountPlan): Promise<InstanceTypeChoice[]> {
  return listInstanceTypes(clients.get(EC2Client, region), region, plan);
}
