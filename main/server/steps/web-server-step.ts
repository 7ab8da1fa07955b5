/**
 * The Web server step: done when, on the server, our site is enabled in
 * sites-enabled, `nginx -t` passes and nginx answers for the domain. A 502
 * still counts (nginx works; the detail says the app is not listening).
 */
import { domainName } from '../../../common/contract/schemas/server';
import { deriveFacts, selectedServer } from '../../journey/derive';
import { planFromForm } from '../nginx-site';
import { nginxCommands as cmd } from '../nginx-commands';
import { holds, sshRemote } from '../remote';
import type { ServerStepDeps } from '../server-deps';
import { siteAnswer } from '../web-server-apply';
import type { CheckResult, StepDefinition } from '../../setup/step';
import { chosenDomain, isServer, reachableServer } from './server-reach';

export function webServerStep(deps: Pick<ServerStepDeps, 'ssh' | 'knownHosts'>): StepDefinition {
  return {
    id: 'web-server',
    watch: (setup) => [deriveFacts(setup).webServerForm, selectedServer(setup) ?? null],
    recheckOn: ['hostKeyPinned'], // a host key trusted in a terminal makes the check possible
    async check({ setup }): Promise<CheckResult> {
      const domain = domainName.safeParse(chosenDomain(setup) ?? '');
      if (!domain.success) return { done: false, detail: { key: 'server:check.noDomain' } };
      const server = await reachableServer(deps, setup);
      if (!isServer(server)) return server;
      const remote = sshRemote(deps.ssh, server.target);
      const form = deriveFacts(setup).webServerForm;
      const plan = planFromForm({ domain: domain.data, includeWww: form.includeWww, appPort: form.appPort, clientMaxBodySize: form.clientMaxBodySize });
      if (!(await holds(remote, cmd.isSymlink(plan.enabledPath)))) return { done: false, detail: { key: 'server:check.siteNotEnabled', values: { site: plan.site } } };
      if (!(await holds(remote, cmd.testQuiet))) return { done: false, detail: { key: 'server:check.nginxTestFails' } };
      const answer = await siteAnswer(remote, plan.site, form.appPort, 1);
      if (answer.httpStatus === 0) return { done: false, detail: { key: 'server:answer.nothing' } };
      if (answer.explanation) return { done: true, detail: answer.explanation };
      return { done: true, detail: { key: 'server:check.siteAnswers', values: { domain: plan.site, status: answer.httpStatus } } };
    },
  };
}
