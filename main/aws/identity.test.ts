import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAwsClients, type AwsClients } from './client-factory';
import { verifyIdentity } from './identity';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../testing/aws/aws-env-sandbox';

const stsMock = mockClient(STSClient);
let sandbox: AwsEnvSandbox;
let clients: AwsClients;

beforeEach(async () => {
  sandbox = createAwsEnvSandbox();
  stsMock.reset();
  clients = await createAwsClients({
    source: { kind: 'vault', itemId: 'item-1' },
    deps: { getAccessKey: () => Promise.resolve({ accessKeyId: 'AKIAFAKEFAKEFAKE0008', secretAccessKey: 'fake' }) },
    fallbackRegion: 'us-east-1',
  });
});

afterEach(() => {
  clients.destroy();
  sandbox.restore();
});

function stsFailure(name: string, message: string): STSServiceException {
  return new STSServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 403, requestId: 'req-7' } });
}

describe('verifyIdentity', () => {
  it('returns the identity of an IAM user', async () => {
    stsMock.on(GetCallerIdentityCommand).resolves({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/alice',
      UserId: 'AIDAFAKEALICE',
    });

    await expect(verifyIdentity(clients)).resolves.toEqual({
      accountId: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/alice',
      userId: 'AIDAFAKEALICE',
      isRoot: false,
      principalKind: 'iam-user',
    });
    expect(stsMock.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
  });

  it.each(['aws', 'aws-cn', 'aws-us-gov'])('flags the root user in the %s partition', async (partition) => {
    stsMock.on(GetCallerIdentityCommand).resolves({
      Account: '123456789012',
      Arn: `arn:${partition}:iam::123456789012:root`,
      UserId: '123456789012',
    });

    await expect(verifyIdentity(clients)).resolves.toMatchObject({ isRoot: true, principalKind: 'root' });
  });

  it('maps an STS failure to an aws.* AppError keeping the AWS code', async () => {
    stsMock.on(GetCallerIdentityCommand).rejects(stsFailure('InvalidClientTokenId', 'The security token included in the request is invalid.'));

    await expect(verifyIdentity(clients)).rejects.toMatchObject({
      name: 'AppError',
      code: 'aws.invalidAccessKey',
      params: { awsCode: 'InvalidClientTokenId', requestId: 'req-7' },
    });
  });

  it('maps a skewed-clock SignatureDoesNotMatch to aws.clockSkew', async () => {
    stsMock.on(GetCallerIdentityCommand).rejects(stsFailure('SignatureDoesNotMatch', 'Signature expired: 20200101T000000Z is now earlier than 20200101T001000Z'));

    await expect(verifyIdentity(clients)).rejects.toMatchObject({ code: 'aws.clockSkew' });
  });

  it('rejects an incomplete response as aws.invalidResponse', async () => {
    stsMock.on(GetCallerIdentityCommand).resolves({ Account: '123456789012' });

    await expect(verifyIdentity(clients)).rejects.toMatchObject({
      code: 'aws.invalidResponse',
      params: { awsCode: 'GetCallerIdentity' },
    });
  });
});
