/**
 * The Web server and HTTPS capability for the composition root: the two
 * steps' checks, their operations, and the `server.*` handlers.
 */
import type { HandlersFor } from '../../common/contract/types';
import { httpsOperations } from './steps/https-operations';
import { httpsStep } from './steps/https-step';
import { webServerApplyOperation } from './steps/web-server-operations';
import { webServerStep } from './steps/web-server-step';
import type { RunnableOperation } from '../setup/operation';
import type { StepDefinition } from '../setup/step';
import { planFromForm } from './nginx-site';
import { onServer } from './on-server';
import type { ServerStepDeps } from './server-deps';

export interface ServerCapability {
  steps: StepDefinition[];
  operations: RunnableOperation[];
  handlers: HandlersFor<'server'>;
}

export function createServerCapability(deps: ServerStepDeps): ServerCapability {
  return {
    steps: [webServerStep(deps), httpsStep(deps)],
    operations: [webServerApplyOperation(deps), ...httpsOperations(deps)],
    handlers: {
      'server.previewSite': (form) => {
        const plan = planFromForm(form);
        return { site: plan.site, path: plan.availablePath, config: plan.config, names: plan.names };
      },
      'server.onServer': async () => onServer(await deps.setup.get()),
    },
  };
}
