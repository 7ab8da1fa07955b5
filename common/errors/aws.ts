/** The `aws.*` error codes and the params each carries (translated as `aws:errors.<key>`). */
import { declareErrors, params, type Text } from './declare';

export const awsErrors = declareErrors('aws', {
  invalidAccessKey: params<{ awsCode: Text }>(),
  signatureMismatch: params<{ awsCode: Text }>(),
  expiredToken: params<{ awsCode: Text }>(),
  clockSkew: params<{ awsCode: Text }>(),
  network: params<{ awsCode: Text }>(),
  accessDenied: params<{ awsCode: Text }>(),
  throttled: params<{ awsCode: Text }>(),
  noCredentials: params<{ awsCode: Text }>(),
  profileNotFound: params<{ profile: Text; awsCode: Text }>(),
  ssoLoginRequired: params<{ profile: Text; awsCode: Text }>(),
  invalidResponse: params<{ awsCode: Text }>(),
  unknown: params<{ awsCode: Text }>(),
});
