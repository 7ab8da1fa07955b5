/** The `setups.*` error codes and the params each carries (translated as `setups:errors.<key>`). */
import { declareErrors, params } from './declare';

export const setupsErrors = declareErrors('setups', {
  deleteActive: params(),
  hasResources: params({ name: 'text' }),
  busy: params(),
  notFound: params(),
});
