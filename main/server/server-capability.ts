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
import { createSiteWatch, type SiteWatchService } from './site-watch-service';

export interface ServerCapability {
  steps: StepDefinition[];
  operations: RunnableOperation[];
  handlers: HandlersFor<'server'>;
  dispose(): void;
  /** The certificate and site watch: the composition root starts a check at app start. */
  watch: SiteWatchService;
}

export function createServerCapability(deps: ServerStepDeps): ServerCapability {
  const watch = createSiteWatch({
    setup: deps.setup,
    ssh: deps.ssh,
    knownHosts: deps.knownHosts,
    changed: (state) => deps.events?.emit('server.watchChanged', state),
    log: deps.log,
  });
  return {
    steps: [webServerStep(deps), httpsStep(deps)],
    dispose: () => undefined,
    operations: [webServerApplyOperation(deps), ...httpsOperations(deps, () => void watch.recheck())],
    handlers: {
      'server.previewSite': (form) => {
        const plan = planFromForm(form);
        return { site: plan.site, path: plan.availablePath, config: plan.config, names: plan.names };
      },
      ...watch.handlers,
      'server.onServer': async () => onServer(await deps.setup.get()),
    },
    watch,
  };
}
