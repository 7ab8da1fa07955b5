/** The `dns.*` error codes and the params each carries (translated as `dns:errors.<key>`). */
import { declareErrors, params } from './declare';

export const dnsErrors = declareErrors('dns', {
  invalidDomain: params({ problem: 'string' }),
});
