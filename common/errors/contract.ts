/** The `contract.*` error codes and the params each carries (translated as `contract:errors.<key>`). */
import { declareErrors, params, type Text } from './declare';

export const contractErrors = declareErrors('contract', {
  unknownChannel: params<{ channel: Text }>(),
  invalidRequest: params<{ channel: Text; issues: Text }>(),
  internal: params<{ channel: Text }>(),
  untrustedSender: params(),
  urlNotAllowed: params<{ url: Text }>(),
  disconnected: params(),
  invalidMessage: params<{ reason: Text }>(),
});
