import type { HandlersFor } from '../../common/contract/types';
import { AppError } from '../../common/errors';
import type { SetupStateStore } from './state-store';
import type { StepStatuses } from './step-statuses';

export function setupHandlers(setup: SetupStateStore, statuses: StepStatuses): HandlersFor<'setup'> {
  return {
    'setup.getState': () => setup.get(),
    'setup.goTo': ({ page }) => setup.goTo(page),
    'setup.choosePath': ({ path }) => setup.choosePath(path),
    'setup.markStep': ({ step, done }) => {
      // A built step is done when its check() passes, never because someone said so.
      if (statuses.isBuilt(step)) throw new AppError('setup.stepIsChecked', `Step ${step} is checked by Onramp, not marked by hand.`, { step });
      return setup.markStep(step, done);
    },
    'setup.steps': () => ({ steps: statuses.all() }),
    'setup.reconcile': async ({ step }) => ({ steps: await statuses.reconcile(step) }),
  };
}
