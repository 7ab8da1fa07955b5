/**
 * The App step: done when the setup's app has a live release, its service is
 * active (a static app has none), and the domain answers through nginx with
 * something other than an error: the app's own response, not nginx's 502.
 */
import { deriveFacts, selectedServer } from '../journey/derive';
import { holds, sshRemote } from '../server/remote';
import { siteAnswer } from '../server/site-answer';
import { isServer, reachableServer } from '../server/steps/server-reach';
import type { CheckResult, StepDefinition } from '../setup/step';
import type { AppStepDeps } from './app-deps';
import { appFacts } from './app-facts';
import { currentReleaseCommand } from './releases';

export function appStep(deps: Pick<AppStepDeps, 'ssh' | 'knownHosts'>): StepDefinition {
  return {
    id: 'app',
    watch: (setup) => [setup.choices.app ?? null, deriveFacts(setup).webServerForm, selectedServer(setup) ?? null],
    recheckOn: ['hostKeyPinned'],
    async check({ setup }): Promise<CheckResult> {
      const app = setup.choices.app;
      if (!app) return { done: false, detail: { key: 'app:check.notDeployed' } };
      const facts = appFacts(setup);
      if (!facts.domain) return { done: false, detail: { key: 'server:check.noDomain' } };
      const server = await reachableServer(deps, setup);
      if (!isServer(server)) return server;
      const remote = sshRemote(deps.ssh, server.target);
      const live = (await remote.exec(currentReleaseCommand(facts.baseDir), { timeoutMs: 30_000, maxOutputBytes: 4096 })).stdout.trim();
      if (!live) return { done: false, detail: { key: 'app:check.noRelease' } };
      if (app.plan.runtime !== 'static' && !(await holds(remote, `systemctl is-active --quiet ${facts.unit}`))) {
        return { done: false, detail: { key: 'app:check.serviceDown', values: { unit: facts.unit } } };
      }
      const answer = await siteAnswer(remote, facts.domain, facts.port, { waitMs: 0 });
      if (answer.httpStatus === 0 || answer.httpStatus >= 500) return { done: false, detail: answer.explanation ?? { key: 'app:check.errorAnswer', values: { status: answer.httpStatus } } };
      return { done: true, detail: { key: 'app:check.answers', values: { domain: facts.domain, release: live, status: answer.httpStatus } } };
    },
  };
}
