/** The `setup.*` error codes and the params each carries (translated as `setup:errors.<key>`). */
import { declareErrors, params, type Text } from './declare';

export const setupErrors = declareErrors('setup', {
  stepIsChecked: params<{ step: Text }>(),
  checkTimedOut: params<{ seconds: number }>(),
  checkSuperseded: params(),
  checkInputsChanged: params(),
  awsSourceNotChosen: params(),
  regionNotChosen: params(),
  stepNotApplicable: params<{ step: Text }>(),
});
