/** The `aws.*` error codes and the params each carries (translated as `aws:errors.<key>`). */
import { declareErrors, params } from './declare';

export const awsErrors = declareErrors('aws', {
  invalidAccessKey: params({ awsCode: 'text' }),
  signatureMismatch: params({ awsCode: 'text' }),
  expiredToken: params({ awsCode: 'text' }),
  clockSkew: params({ awsCode: 'text' }),
  network: params({ awsCode: 'text' }),
  accessDenied: params({ awsCode: 'text' }),
  throttled: params({ awsCode: 'text' }),
  noCredentials: params({ awsCode: 'text' }),
  profileNotFound: params({ profile: 'text', awsCode: 'text' }),
  ssoLoginRequired: params({ profile: 'text', awsCode: 'text' }),
  invalidResponse: params({ awsCode: 'text' }),
  unknown: params({ awsCode: 'text' }),
});
