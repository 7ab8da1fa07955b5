/**
 * IAM failures the user can act on, as AppErrors in the `iam` namespace
 * (renderer/i18n/locales/<lang>/iam.json `errors.<key>`). Everything else goes
 * through the shared AWS mapping (`aws.*`). `params.awsCode` always keeps the
 * AWS code; an AccessDenied names the action that was refused, read from the
 * message AWS sends ("… is not authorized to perform: iam:CreateUser on …").
 */
import { AppError, isAppError, type ErrorCode, type ParamArgs } from '../../../common/errors';
import { readErrorFacts } from '../error-facts';
import { toAppError } from '../errors';

/** `accessDenied` for `iam.accessDenied`: the registered iam codes (common/errors/iam.ts). */
export type IamErrorKey = ErrorCode extends infer C ? (C extends `iam.${infer K}` ? K : never) : never;

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);
/** `perform: iam:CreateUser` (action names are letters and digits after a service prefix). Linear: no nested quantifiers. */
const DENIED_ACTION = /perform:\s*([a-z0-9-]{1,64}:[A-Za-z0-9*]{1,128})/;

export function iamError<K extends IamErrorKey>(key: K, message: string, ...params: ParamArgs<`iam.${K}`>): AppError<`iam.${K}`> {
  return new AppError<`iam.${K}`>(`iam.${key}`, message, ...params);
}

/** The action an AccessDenied message names, or undefined. */
export function deniedActionOf(message: string): string | undefined {
  return DENIED_ACTION.exec(message.slice(0, 4096))?.[1];
}

/**
 * Maps what an IAM (or STS) call threw. `action` is the API action Onramp
 * called, used when AWS's message does not name one.
 */
export function toIamError(error: unknown, action: string, profile?: string): AppError {
  if (isAppError(error)) return error;
  const facts = readErrorFacts(error);
  const awsCode = facts.name;
  if (ACCESS_DENIED.has(facts.name)) {
    return iamError('accessDenied', `Not allowed to call ${action} (${awsCode})`, {
      awsCode,
      action: deniedActionOf(facts.message) ?? action,
    }, { cause: error });
  }
  if (facts.name === 'LimitExceeded' || facts.name === 'LimitExceededException') {
    return iamError('limitExceeded', `An IAM limit was reached in ${action} (${awsCode})`, { awsCode, action }, { cause: error });
  }
  if (facts.name === 'PasswordPolicyViolation' || facts.name === 'PasswordPolicyViolationException') {
    return iamError('passwordPolicyViolation', `The password does not meet the account's password policy (${awsCode})`, { awsCode }, { cause: error });
  }
  if (facts.name === 'InvalidAuthenticationCode' || facts.name === 'InvalidAuthenticationCodeException') {
    return iamError('invalidAuthenticationCode', `AWS did not accept the MFA codes (${awsCode})`, { awsCode }, { cause: error });
  }
  return toAppError(error, { profile });
}

/** True when an SDK error has this AWS error code (EntityAlreadyExists, NoSuchEntity, …). */
export function hasAwsCode(error: unknown, ...codes: string[]): boolean {
  if (isAppError(error)) return false;
  const { name } = readErrorFacts(error);
  return codes.some((code) => name === code || name === `${code}Exception`);
}
