/** The `common.*` error codes and the params each carries (translated as `common:errors.<key>`). */
import { declareErrors, params, type Text } from './declare';

export const commonErrors = declareErrors('common', {
  unknown: params<{ code: Text }>(),
  loadFailed: params<{ reason: Text }>(),
});
