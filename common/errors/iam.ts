/** The `iam.*` error codes and the params each carries (translated as `iam:errors.<key>`). */
import { declareErrors, params } from './declare';

export const iamErrors = declareErrors('iam', {
  accessDenied: params({ action: 'text', awsCode: 'string' }),
  limitExceeded: params({ action: 'text', awsCode: 'string' }),
  passwordPolicyViolation: params({ awsCode: 'string' }),
  invalidAuthenticationCode: params({ awsCode: 'string' }),
  userNotOurs: params({ userName: 'text' }),
  groupNotFound: params({ groupName: 'text' }),
  notConnected: params(),
  mfaEnrollmentExpired: params(),
  mfaAlreadyEnabled: params({ deviceName: 'text' }),
  loginProfileExists: params(),
  keyNotProven: params({ arn: 'text' }),
  rootKeyStillThere: params({ accessKeyId: 'text' }),
  userNotCreated: params(),
  groupTaken: params({ groupName: 'text', policies: 'text', suggestion: 'text' }),
  userTaken: params({ userName: 'text', policies: 'text', suggestion: 'text' }),
  groupNotEmpty: params({ groupName: 'text' }),
});
