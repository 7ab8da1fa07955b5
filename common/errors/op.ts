/** The `op.*` error codes and the params each carries (translated as `op:errors.<key>`). */
import { declareErrors, params, type Text } from './declare';

export const opErrors = declareErrors('op', {
  unknownKind: params<{ kind: Text }>(),
  invalidInput: params<{ kind: Text; fields: Text }>(),
  cancelled: params(),
  shuttingDown: params(),
  interrupted: params(),
  runningElsewhere: params(),
});
