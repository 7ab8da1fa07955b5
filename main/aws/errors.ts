import { getProfileName } from '@smithy/core/config';

import { AppError, isAppError, type ErrorCode } from '../../common/errors';
import { readErrorFacts, type ErrorFacts } from './error-facts';
import { redactSecrets } from './redact-secrets';

/** Every `aws.<key>` code this module produces; each is registered, so translated (common/errors/registry.test.ts). */
export const AWS_ERROR_KEYS = [
  'invalidAccessKey',
  'signatureMismatch',
  'expiredToken',
  'clockSkew',
  'network',
  'accessDenied',
  'throttled',
  'noCredentials',
  'profileNotFound',
  'ssoLoginRequired',
  'invalidResponse',
  'unknown',
] as const satisfies readonly RegisteredAwsKey[];

/** The registered `aws.*` keys (common/errors/aws.ts). */
type RegisteredAwsKey = ErrorCode extends infer C ? (C extends `aws.${infer K}` ? K : never) : never;

export type AwsErrorKey = (typeof AWS_ERROR_KEYS)[number];

export interface AwsErrorContext {
  /** The profile in use, for `aws sso login --profile X`; defaults to AWS_PROFILE or "default". */
  profile?: string | undefined;
}

const INVALID_ACCESS_KEY = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidAccessKeyId', 'AuthFailure']);
const SIGNATURE_MISMATCH = new Set(['SignatureDoesNotMatch', 'InvalidSignatureException']);
const EXPIRED_TOKEN = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);
const CLOCK_SKEW = new Set(['RequestTimeTooSkewed', 'RequestInTheFuture']);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'EC2ThrottledException',
  'SlowDown',
]);
const NETWORK_SYSTEM_CODES = new Set([
  'ENOTFOUND',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
const NETWORK_NAMES = new Set(['TimeoutError', 'NetworkingError']);
const PROVIDER_ERRORS = new Set(['CredentialsProviderError', 'TokenProviderError', 'ProviderError']);

/** STS answers a skewed clock with SignatureDoesNotMatch "Signature expired: … is now earlier than …". */
const SKEWED_SIGNATURE_MESSAGE = /signature expired|signature not yet current/i;
const SSO_LOGIN_MESSAGE = /aws sso login|sso session|sso token|session token not found or invalid/i;
const PROFILE_MISSING_MESSAGE = /profile.*(?:was not found|could not be found)|could not resolve credentials using profile/i;

const FALLBACK_MESSAGES: Record<AwsErrorKey, string> = {
  invalidAccessKey: 'AWS does not recognise the access key',
  signatureMismatch: 'The secret access key does not match the access key',
  expiredToken: 'The credentials have expired',
  clockSkew: "The computer's clock is too far off for AWS to accept the request",
  network: 'Could not reach the AWS endpoint',
  accessDenied: 'These credentials are not allowed to do this',
  throttled: 'AWS is throttling requests',
  noCredentials: 'No AWS credentials were found',
  profileNotFound: 'The AWS profile was not found or has no usable credentials',
  ssoLoginRequired: 'The AWS SSO session is missing or expired; run aws sso login',
  invalidResponse: 'AWS returned an unexpected response',
  unknown: 'AWS request failed',
};

function classifyProviderError(facts: ErrorFacts): AwsErrorKey {
  if (SSO_LOGIN_MESSAGE.test(facts.message)) return 'ssoLoginRequired';
  if (PROFILE_MISSING_MESSAGE.test(facts.message)) return 'profileNotFound';
  return 'noCredentials';
}

function classify(facts: ErrorFacts): AwsErrorKey {
  const { name } = facts;
  if (PROVIDER_ERRORS.has(name)) return classifyProviderError(facts);
  if (CLOCK_SKEW.has(name)) return 'clockSkew';
  if (SIGNATURE_MISMATCH.has(name)) {
    return SKEWED_SIGNATURE_MESSAGE.test(facts.message) ? 'clockSkew' : 'signatureMismatch';
  }
  if (INVALID_ACCESS_KEY.has(name)) return 'invalidAccessKey';
  if (EXPIRED_TOKEN.has(name)) return 'expiredToken';
  if (ACCESS_DENIED.has(name)) return 'accessDenied';
  if (THROTTLED.has(name) || facts.httpStatus === 429) return 'throttled';
  if (NETWORK_NAMES.has(name)) return 'network';
  if (facts.systemCode !== undefined && NETWORK_SYSTEM_CODES.has(facts.systemCode)) return 'network';
  return 'unknown';
}

/** The code shown to the user in parentheses: the AWS error code, or the system error code for network failures. */
function awsCodeOf(facts: ErrorFacts, key: AwsErrorKey): string {
  const genericName = facts.name === 'Error' || facts.name === 'AggregateError' || facts.name === 'Unknown';
  if (key === 'network' || genericName) return facts.systemCode ?? facts.name;
  return facts.name;
}

/**
 * Maps anything an AWS SDK call (or its credential provider) threw to an
 * AppError with code `aws.<key>`. `params.awsCode` always keeps the original
 * code; `params.requestId` is set when AWS returned one. The message is a log
 * fallback built from the SDK's own text, with anything key-like masked; no
 * credential value is ever added to it.
 */
export function toAppError(error: unknown, context: AwsErrorContext = {}): AppError {
  if (isAppError(error)) return error;
  const facts = readErrorFacts(error);
  const key = classify(facts);
  const awsCode = awsCodeOf(facts, key);
  const params = { awsCode, ...(facts.requestId ? { requestId: facts.requestId } : {}) };
  const detail = facts.message ? `: ${redactSecrets(facts.message)}` : '';
  const message = `${FALLBACK_MESSAGES[key]} (${awsCode})${detail}`;
  if (key === 'ssoLoginRequired' || key === 'profileNotFound') {
    return new AppError(`aws.${key}`, message, { ...params, profile: getProfileName({ profile: context.profile }) }, { cause: error });
  }
  return new AppError(`aws.${key}`, message, params, { cause: error });
}

/** Builds an AppError for an AWS response Onramp could not make sense of. */
export function invalidResponseError(operation: string): AppError {
  return new AppError('aws.invalidResponse', `${FALLBACK_MESSAGES.invalidResponse} (${operation})`, {
    awsCode: operation,
  });
}
