/** The `setup.*` error codes and the params each carries (translated as `setup:errors.<key>`). */
import { declareErrors, params } from './declare';

export const setupErrors = declareErrors('setup', {
  stepIsChecked: params({ step: 'text' }),
  checkTimedOut: params({ seconds: 'number' }),
  checkSuperseded: params(),
  checkInputsChanged: params(),
  awsSourceNotChosen: params(),
  regionNotChosen: params(),
  stepNotApplicable: params({ step: 'text' }),
});
