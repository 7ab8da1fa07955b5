/** The `aws.*` error codes and the params each carries (translated as `aws:errors.<key>`). */
import { declareErrors, params } from './declare';

/** Every one keeps the AWS (or system) error code; `requestId` when AWS sent one. */
export const awsErrors = declareErrors('aws', {
  invalidAccessKey: params({ awsCode: 'string', requestId: 'string?' }),
  signatureMismatch: params({ awsCode: 'string', requestId: 'string?' }),
  expiredToken: params({ awsCode: 'string', requestId: 'string?' }),
  clockSkew: params({ awsCode: 'string', requestId: 'string?' }),
  network: params({ awsCode: 'string', requestId: 'string?' }),
  accessDenied: params({ awsCode: 'string', requestId: 'string?' }),
  throttled: params({ awsCode: 'string', requestId: 'string?' }),
  noCredentials: params({ awsCode: 'string', requestId: 'string?' }),
  profileNotFound: params({ profile: 'text', awsCode: 'string', requestId: 'string?' }),
  ssoLoginRequired: params({ profile: 'text', awsCode: 'string', requestId: 'string?' }),
  invalidResponse: params({ awsCode: 'string', requestId: 'string?' }),
  unknown: params({ awsCode: 'string', requestId: 'string?' }),
});
