/** The `op.*` error codes and the params each carries (translated as `op:errors.<key>`). */
import { declareErrors, params } from './declare';

export const opErrors = declareErrors('op', {
  unknownKind: params({ kind: 'text' }),
  invalidInput: params({ kind: 'text', fields: 'text' }),
  cancelled: params(),
  shuttingDown: params(),
  interrupted: params(),
  runningElsewhere: params({ kind: 'string', since: 'string' }),
});
