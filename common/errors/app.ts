/** The `app.*` error codes and the params each carries (translated as `app:errors.<key>`). */
import { declareErrors, params } from './declare';

export const appErrors = declareErrors('app', {
  userFailed: params({ exitCode: 'number' }),
  fetchFailed: params({ exitCode: 'number' }),
  buildFailed: params({ exitCode: 'number' }),
  candidateFailed: params({ exitCode: 'number' }),
  switchFailed: params({ exitCode: 'number' }),
  restartFailed: params({ exitCode: 'number' }),
  noAnswer: params({ exitCode: 'number' }),
});
