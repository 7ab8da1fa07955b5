/** The `iam.*` error codes and the params each carries (translated as `iam:errors.<key>`). */
import { declareErrors, params, type Text } from './declare';

export const iamErrors = declareErrors('iam', {
  accessDenied: params<{ action: Text; awsCode: Text }>(),
  limitExceeded: params<{ action: Text; awsCode: Text }>(),
  passwordPolicyViolation: params<{ awsCode: Text }>(),
  invalidAuthenticationCode: params<{ awsCode: Text }>(),
  userNotOurs: params<{ userName: Text }>(),
  groupNotFound: params<{ groupName: Text }>(),
  notConnected: params(),
  mfaEnrollmentExpired: params(),
  mfaAlreadyEnabled: params<{ deviceName: Text }>(),
  loginProfileExists: params(),
  keyNotProven: params<{ arn: Text }>(),
  rootKeyStillThere: params<{ accessKeyId: Text }>(),
  userNotCreated: params(),
  groupTaken: params<{ groupName: Text; policies: Text; suggestion: Text }>(),
  userTaken: params<{ userName: Text; policies: Text; suggestion: Text }>(),
  groupNotEmpty: params<{ groupName: Text }>(),
});
