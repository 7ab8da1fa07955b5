import type { HandlersFor } from '../../common/contract/types-helpers';
import type { SetupStateStore } from './state-store';

export function setupHandlers(setup: SetupStateStore): HandlersFor<'setup'> {
  return {
    'setup.getState': () => setup.get(),
    'setup.goTo': ({ page }) => setup.goTo(page),
    'setup.markStep': ({ step, done }) => setup.markStep(step, done),
  };
}
