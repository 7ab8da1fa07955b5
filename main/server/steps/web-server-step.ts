/**
 * The Web server step: done when, on the server, our site is enabled in
 * sites-enabled, `nginx -t` passes and nginx answers for the domain with the
 * site file's own X-Onramp-Site marker. A 502 still counts (nginx works; the
 * detail says the app is not listening); an answer from another site does not.
 */
import { domainName } from '../../../common/contract/schemas/server';
import { deriveFacts, selectedServer } from '../../journey/derive';
import { planFromForm, siteMarkerOf } from '../nginx-site';
import { nginxCommands as cmd } from '../nginx-commands';
import { holds, sshRemote } from '../remote';
import type { ServerStepDeps } from '../server-deps';
import { isOurAnswer, siteAnswer } from '../site-answer';
import { tlsOf } from '../site-tls';
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
      // The answer must carry the marker of the site file that is enabled (not the default site's, not a stale worker's).
      const file = await remote.exec(cmd.readFile(plan.enabledPath), { timeoutMs: 30_000, maxOutputBytes: 256 * 1024 });
      const marker = siteMarkerOf(file.stdout);
      let answer = await siteAnswer(remote, plan.site, form.appPort, { marker, waitMs: 0 });
      // A redirect server certbot wrote has no marker: the HTTPS server must carry it then.
      if (!isOurAnswer(answer) && tlsOf(file.stdout)) answer = await siteAnswer(remote, plan.site, form.appPort, { marker, waitMs: 0, scheme: 'https' });
      if (!isOurAnswer(answer)) return { done: false, detail: answer.explanation ?? { key: 'server:answer.nothing' } };
      if (answer.explanation) return { done: true, detail: answer.explanation };
      return { done: true, detail: { key: 'server:check.siteAnswers', values: { domain: plan.site, status: answer.httpStatus } } };
    },
  };
}
