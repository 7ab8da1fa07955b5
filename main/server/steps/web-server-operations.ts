/** `web-server.apply`: the Web server step's one operation (main/server/web-server-apply.ts), on the step's server. */
import { defineOperation } from '../../setup/operation';
import { sshRemote } from '../remote';
import type { ServerStepDeps } from '../server-deps';
import { stepServer } from '../step-server';
import { applyWebServer } from '../web-server-apply';

export function webServerApplyOperation(deps: Pick<ServerStepDeps, 'ssh' | 'setup'>) {
  return defineOperation({
    kind: 'web-server.apply',
    step: 'web-server',
    affects: { steps: ['https'] },
    async run(input, context) {
      const setup = await deps.setup.get();
      const server = stepServer(setup);
      const remote = sshRemote(deps.ssh, server.target, input.sessionId);
      // A static app's folder (the App step's) stays the site's root: the page's form does not carry it.
      const siteRoot = input.form.siteRoot ?? setup.choices.webServer?.siteRoot;
      const form = siteRoot ? { ...input.form, siteRoot } : input.form;
      const outcome = await applyWebServer(remote, { form, config: input.config, disableDefaultSite: input.disableDefaultSite }, context);
      const { domain, includeWww, appPort, staticDir, clientMaxBodySize } = input.form;
      await deps.setup.update((state) => ({ ...state, choices: { ...state.choices, webServer: { domain, includeWww, appPort, staticDir, clientMaxBodySize, edited: input.config !== undefined, ...(siteRoot ? { siteRoot } : {}) } } }));
      context.progress({ phase: 'server:phases.done', fraction: 1 });
      return outcome;
    },
  });
}
