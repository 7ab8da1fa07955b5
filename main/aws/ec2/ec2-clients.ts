/**
 * The EC2 and SSM clients for the setup's chosen credentials and region: the
 * session's verified connection when it matches, else a fresh verified one.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { SetupState } from '../../../common/contract/schemas/setup';
import { AppError } from '../../../common/errors';
import type { AwsConnection, VerifiedConnection } from '../aws-connection';

export interface SetupClients {
  region: string;
  ec2: EC2Client;
  ssm: SSMClient;
  sts: STSClient;
  connection: VerifiedConnection;
}

export async function clientsFor(connection: Pick<AwsConnection, 'currentFor' | 'connect'>, setup: SetupState): Promise<SetupClients> {
  const { awsSource, region } = setup.choices;
  if (!awsSource) throw new AppError('setup.awsSourceNotChosen', 'Choose where the AWS credentials come from first.');
  if (!region) throw new AppError('setup.regionNotChosen', 'Choose a region first.');
  const verified = connection.currentFor(awsSource) ?? (await connection.connect(awsSource, region));
  const clients = verified.clients;
  return {
    region,
    ec2: clients.get(EC2Client, region),
    ssm: clients.get(SSMClient, region),
    sts: clients.get(STSClient),
    connection: verified,
  };
}
