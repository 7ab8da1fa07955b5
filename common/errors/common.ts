/** The `common.*` error codes and the params each carries (translated as `common:errors.<key>`). */
import { declareErrors, params } from './declare';

export const commonErrors = declareErrors('common', {
  unknown: params(),
  loadFailed: params({ reason: 'text' }),
});
