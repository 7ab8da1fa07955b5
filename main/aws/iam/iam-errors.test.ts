import { IAMServiceException, LimitExceededException, PasswordPolicyViolationException, InvalidAuthenticationCodeException } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';

import { deniedActionOf, toIamError } from './iam-errors';

const denied = (message: string) => new IAMServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message });

describe('toIamError', () => {
  it('names the action AWS refused, read from the AccessDenied message', () => {
    const error = toIamError(
      denied('User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/onramp'),
      'iam:CreateUser',
    );
    expect(error).toMatchObject({ code: 'iam.accessDenied', params: { awsCode: 'AccessDenied', action: 'iam:CreateUser' } });
  });

  it('falls back to the action Onramp called when the message names none', () => {
    expect(toIamError(denied('Access denied'), 'iam:GetAccountSummary')).toMatchObject({ params: { action: 'iam:GetAccountSummary' } });
  });

  it('maps LimitExceeded, PasswordPolicyViolation and InvalidAuthenticationCode, keeping the AWS code', () => {
    expect(toIamError(new LimitExceededException({ message: 'Cannot exceed quota for AccessKeysPerUser: 2', $metadata: {} }), 'iam:CreateAccessKey')).toMatchObject({
      code: 'iam.limitExceeded',
      params: { awsCode: 'LimitExceededException', action: 'iam:CreateAccessKey' },
    });
    expect(toIamError(new PasswordPolicyViolationException({ message: 'Password should have a symbol', $metadata: {} }), 'x').code).toBe('iam.passwordPolicyViolation');
    expect(toIamError(new InvalidAuthenticationCodeException({ message: 'bad', $metadata: {} }), 'x').code).toBe('iam.invalidAuthenticationCode');
  });

  it('leaves everything else to the shared AWS mapping', () => {
    const error = toIamError(new IAMServiceException({ name: 'InvalidClientTokenId', $fault: 'client', $metadata: {}, message: 'bad key' }), 'x');
    expect(error.code).toBe('aws.invalidAccessKey');
  });

  it('reads the action in linear time from a hostile message', () => {
    const started = performance.now();
    expect(deniedActionOf(`perform: ${'a'.repeat(200_000)}`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
  });
});
