/** The HTTPS step's operations: preflight alone, the whole issue run, and verify alone (main/server/https-*.ts). */
import { webServerForm, type HttpsRequest } from '../../../common/contract/schemas/server';
import { issueCertificate } from '../https-issue';
import { runPreflight } from '../https-preflight';
import { verifyHttps } from '../https-verify';
import { sshRemote } from '../remote';
import type { ServerStepDeps } from '../server-deps';
import { stepServer } from '../step-server';
import { defineOperation } from '../../setup/operation';

async function context(deps: ServerStepDeps, sessionId: string | undefined) {
  const state = await deps.setup.get();
  const server = stepServer(state);
  const { edited, ...form } = state.choices.webServer ?? { edited: false };
  const saved = webServerForm.safeParse(state.choices.webServer ? form : undefined);
  return {
    webServer: saved.success ? saved.data : undefined,
    editedConfig: edited === true,
    remote: sshRemote(deps.ssh, server.target, sessionId),
    host: server.target.host,
    byo: server.byo,
    instanceId: server.instanceId,
    domainCheck: deps.domainCheck,
    securityGroups: deps.securityGroups,
  };
}

function remember(deps: ServerStepDeps, request: HttpsRequest): Promise<unknown> {
  const { email, includeWww, mode, acme, hstsIncludeSubDomains } = request;
  return deps.setup.update((state) => ({ ...state, choices: { ...state.choices, https: { email, includeWww, mode, acme, hstsIncludeSubDomains } } }));
}

/** `issued`: told after a certificate was issued (the composition's watch checks it at once). */
export function httpsOperations(deps: ServerStepDeps, issued: () => void = () => undefined) {
  return [
    defineOperation({
      kind: 'https.preflight',
      step: 'https',
      async run(input, { signal, progress }) {
        progress({ phase: 'server:phases.preflight', fraction: null });
        return runPreflight(input, { ...(await context(deps, input.sessionId)), signal });
      },
    }),
    defineOperation({
      kind: 'https.issue',
      step: 'https',
      affects: { steps: ['web-server'] },
      async run(input, operation) {
        await remember(deps, input);
        const outcome = await issueCertificate(input, { ...(await context(deps, input.sessionId)), ledger: deps.ledger }, operation);
        if (outcome.issued) issued();
        operation.progress({ phase: 'server:phases.done', fraction: 1 });
        return outcome;
      },
    }),
    defineOperation({
      kind: 'https.verify',
      step: 'https',
      async run(input, { signal, progress }) {
        progress({ phase: 'server:phases.verifyHttps', fraction: null });
        const { remote, host, editedConfig } = await context(deps, input.sessionId);
        return verifyHttps(input, { remote, host, signal, renewDryRun: input.renewDryRun, siteEdited: editedConfig });
      },
    }),
  ];
}
