/**
 * Connect as a step: done when `true` runs over SSH on the selected server
 * (the guided setup's server, else the one from Settings) with a host key
 * already pinned in known_hosts. A check never asks about a host key: an
 * unpinned server is "not done" until the user confirms its key in a terminal.
 */
import type { SetupState } from '../../common/contract/schemas/setup';
import { pathOf } from '../setup/setup-path';
import type { CheckResult, StepDefinition } from '../setup/step';
import type { KnownHosts } from './known-hosts';
import type { SshSessionManager } from './ssh-session-manager';
import { displayHost, resolveTarget } from './target-resolver';
import type { SshTarget } from './ssh-target';

export const CONNECT_CHECK_TIMEOUT_MS = 10_000;

/** On the own-server path only the own server; on the AWS path the setup's instance, else (as before the path existed) the own server. */
export function selectedServer(setup: SetupState): SshTarget | undefined {
  if (pathOf(setup) === 'aws' && setup.resources.elasticIp && setup.resources.sshKeyItemId) return resolveTarget('setup', setup);
  if (setup.choices.ownServer) return resolveTarget('ownServer', setup);
  return undefined;
}

export function connectStep(deps: { manager: Pick<SshSessionManager, 'exec'>; knownHosts: Pick<KnownHosts, 'lookup'> }): StepDefinition {
  return {
    id: 'connect',
    watch: (setup) => [pathOf(setup), setup.resources.elasticIp, setup.resources.sshKeyItemId, setup.choices.ownServer],
    recheckOn: ['hostKeyPinned'], // a host key trusted in a terminal makes the check possible
    async check({ setup }): Promise<CheckResult> {
      const target = selectedServer(setup);
      if (!target) return { done: false, detail: { key: 'ssh:check.noServer' } };
      const server = `${target.user}@${displayHost(target)}`;
      const pins = await deps.knownHosts.lookup(target.host, target.port);
      if (pins.pinned.length === 0) return { done: false, detail: { key: 'ssh:check.hostKeyNotConfirmed', values: { server } } };
      const result = await deps.manager.exec(target, 'true', { timeoutMs: CONNECT_CHECK_TIMEOUT_MS, maxOutputBytes: 4096 });
      if (result.code !== 0) return { done: false, detail: { key: 'ssh:check.commandFailed', values: { server, code: String(result.code ?? result.signal ?? '?') } } };
      return { done: true, detail: { key: 'ssh:check.reached', values: { server } } };
    },
  };
}
