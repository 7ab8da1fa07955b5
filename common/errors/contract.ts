/** The `contract.*` error codes and the params each carries (translated as `contract:errors.<key>`). */
import { declareErrors, params } from './declare';

export const contractErrors = declareErrors('contract', {
  unknownChannel: params({ channel: 'text' }),
  invalidRequest: params({ channel: 'text', issues: 'text' }),
  internal: params({ channel: 'text' }),
  untrustedSender: params(),
  urlNotAllowed: params({ url: 'text' }),
  disconnected: params(),
  invalidMessage: params({ reason: 'text' }),
});
