import { ExpiredTokenException, STSServiceException } from '@aws-sdk/client-sts';
import { CredentialsProviderError, TokenProviderError } from '@smithy/core/config';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AppError } from '../../common/errors';
import { toAppError } from './errors';

function serviceError(name: string, message: string, httpStatusCode = 400): STSServiceException {
  return new STSServiceException({
    name,
    message,
    $fault: 'client',
    $metadata: { httpStatusCode, requestId: 'req-123' },
  });
}

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} sts.amazonaws.com`), { code });
}

describe('toAppError: service errors keep the AWS code and request id', () => {
  it.each([
    ['InvalidClientTokenId', 'The security token included in the request is invalid.', 'aws.invalidAccessKey'],
    ['UnrecognizedClientException', 'The security token included in the request is invalid.', 'aws.invalidAccessKey'],
    ['AuthFailure', 'AWS was not able to validate the provided access credentials', 'aws.invalidAccessKey'],
    ['SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 'aws.signatureMismatch'],
    ['ExpiredToken', 'The security token included in the request is expired', 'aws.expiredToken'],
    ['RequestExpired', 'Request has expired.', 'aws.expiredToken'],
    ['RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 'aws.clockSkew'],
    ['SignatureDoesNotMatch', 'Signature expired: 20200101T000000Z is now earlier than 20200101T001000Z', 'aws.clockSkew'],
    ['AccessDenied', 'User is not authorized to perform: iam:CreateUser', 'aws.accessDenied'],
    ['UnauthorizedOperation', 'You are not authorized to perform this operation.', 'aws.accessDenied'],
    ['Throttling', 'Rate exceeded', 'aws.throttled'],
    ['RequestLimitExceeded', 'Request limit exceeded.', 'aws.throttled'],
    ['OptInRequired', 'You are not subscribed to this service.', 'aws.unknown'],
  ])('%s (%s) → %s', (name, message, code) => {
    const appError = toAppError(serviceError(name, message));
    expect(appError).toBeInstanceOf(AppError);
    expect(appError.code).toBe(code);
    expect(appError.params).toEqual({ awsCode: name, requestId: 'req-123' });
    expect(appError.message).toContain(name);
  });

  it('maps the modelled ExpiredTokenException', () => {
    const error = new ExpiredTokenException({ message: 'expired', $metadata: { requestId: 'req-9' } });
    expect(toAppError(error)).toMatchObject({
      code: 'aws.expiredToken',
      params: { awsCode: 'ExpiredTokenException', requestId: 'req-9' },
    });
  });

  it('treats any HTTP 429 as throttling', () => {
    expect(toAppError(serviceError('SomethingNew', 'slow down', 429)).code).toBe('aws.throttled');
  });

  it('omits requestId when AWS sent none', () => {
    const error = new STSServiceException({ name: 'AccessDenied', message: 'no', $fault: 'client', $metadata: {} });
    expect(toAppError(error).params).toEqual({ awsCode: 'AccessDenied' });
  });
});

describe('toAppError: no network', () => {
  it.each(['ENOTFOUND', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET'])('%s → aws.network', (code) => {
    expect(toAppError(systemError(code))).toMatchObject({ code: 'aws.network', params: { awsCode: code } });
  });

  it.each(['TimeoutError', 'NetworkingError'])('%s → aws.network', (name) => {
    const error = Object.assign(new Error('socket hang up'), { name });
    expect(toAppError(error)).toMatchObject({ code: 'aws.network', params: { awsCode: name } });
  });

  it('finds the system code inside an AggregateError or a cause', () => {
    const aggregate = new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')], 'connect failed');
    expect(toAppError(aggregate)).toMatchObject({ code: 'aws.network', params: { awsCode: 'ECONNREFUSED' } });
    const wrapped = new Error('request failed', { cause: systemError('EAI_AGAIN') });
    expect(toAppError(wrapped)).toMatchObject({ code: 'aws.network', params: { awsCode: 'EAI_AGAIN' } });
  });
});

describe('toAppError: credential providers', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('no credentials anywhere → aws.noCredentials', () => {
    const error = new CredentialsProviderError('Could not load credentials from any providers', false);
    expect(toAppError(error)).toMatchObject({ code: 'aws.noCredentials', params: { awsCode: 'CredentialsProviderError' } });
  });

  it('unknown profile → aws.profileNotFound naming the profile', () => {
    const error = new CredentialsProviderError(
      'Could not resolve credentials using profile: [ghost] in configuration/credentials file(s).',
    );
    expect(toAppError(error, { profile: 'ghost' })).toMatchObject({
      code: 'aws.profileNotFound',
      params: { awsCode: 'CredentialsProviderError', profile: 'ghost' },
    });
  });

  it('expired SSO session → aws.ssoLoginRequired with the profile for `aws sso login --profile`', () => {
    const error = new CredentialsProviderError(
      'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
      false,
    );
    expect(toAppError(error, { profile: 'corp' })).toMatchObject({
      code: 'aws.ssoLoginRequired',
      params: { awsCode: 'CredentialsProviderError', profile: 'corp' },
    });
  });

  it('SSO token errors default the profile to AWS_PROFILE, as the SDK does', () => {
    vi.stubEnv('AWS_PROFILE', 'from-env');
    const error = new TokenProviderError("Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.", false);
    expect(toAppError(error)).toMatchObject({
      code: 'aws.ssoLoginRequired',
      params: { awsCode: 'TokenProviderError', profile: 'from-env' },
    });
  });
});

describe('toAppError: everything else', () => {
  it('returns an AppError unchanged', () => {
    const original = new AppError('vault.keychainUnavailable', 'locked', { reason: 'locked' });
    expect(toAppError(original)).toBe(original);
  });

  it('keeps an unknown code as aws.unknown', () => {
    expect(toAppError(serviceError('InternalFailure', 'oops', 500))).toMatchObject({
      code: 'aws.unknown',
      params: { awsCode: 'InternalFailure' },
    });
  });

  it('copes with non-Error values', () => {
    expect(toAppError('boom')).toMatchObject({ code: 'aws.unknown', params: { awsCode: 'Unknown' } });
    expect(toAppError(undefined).code).toBe('aws.unknown');
  });

  it('masks anything that looks like a key, secret or session token in the message', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const error = serviceError('SignatureDoesNotMatch', `bad signature for AKIAIOSFODNN7EXAMPLE with ${secret} and ${'Q'.repeat(120)}`);

    const { message, params } = toAppError(error);

    expect(message.includes(secret)).toBe(false);
    expect(message.includes('AKIAIOSFODNN7EXAMPLE')).toBe(false);
    expect(message.includes('Q'.repeat(40))).toBe(false);
    expect(JSON.stringify(params).includes(secret)).toBe(false);
  });
});
