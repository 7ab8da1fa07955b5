import { describe, expect, it } from 'vitest';
import { deniedAction, encodedAuthorizationMessage, toEc2AppError } from './ec2-errors';

const awsError = (name: string, message = name) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });

describe('EC2 errors', () => {
  it.each([
    ['InsufficientInstanceCapacity', 'ec2.insufficientCapacity'],
    ['InstanceLimitExceeded', 'ec2.instanceLimit'],
    ['VcpuLimitExceeded', 'ec2.vcpuLimit'],
    ['Unsupported', 'ec2.unsupported'],
    ['AddressLimitExceeded', 'ec2.addressLimit'],
    ['InvalidKeyPair.Duplicate', 'ec2.keyPairDuplicate'],
  ])('explains %s', (name, code) => {
    expect(toEc2AppError(awsError(name))).toMatchObject({ code, params: { awsCode: name } });
  });

  it('names the denied action from a decoded authorization message', () => {
    const error = awsError('UnauthorizedOperation', 'You are not authorized. Encoded authorization failure message: AbC-123_xyz');
    expect(encodedAuthorizationMessage(error)).toBe('AbC-123_xyz');
    const decoded = JSON.stringify({ allowed: false, context: { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:…' } });
    expect(deniedAction(decoded)).toBe('ec2:RunInstances');
    expect(toEc2AppError(error, { decoded })).toMatchObject({ code: 'ec2.unauthorized', params: { action: 'ec2:RunInstances' } });
    expect(deniedAction('not json')).toBeUndefined();
  });

  it('passes anything else to the shared AWS mapping', () => {
    expect(toEc2AppError(awsError('AuthFailure')).code).toBe('aws.invalidAccessKey');
  });
});
