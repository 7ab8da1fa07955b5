/**
 * Shared by the Web server and HTTPS checks: the step's server with a host key
 * already pinned (a check never asks about a host key), or why not.
 */
import type { SetupState } from '../../../common/contract/schemas/setup';
import { isAppError } from '../../../common/errors';
import type { ServerStepDeps } from '../server-deps';
import { stepServer, type StepServer } from '../step-server';
import type { CheckResult } from '../../setup/step';

export async function reachableServer(deps: Pick<ServerStepDeps, 'knownHosts'>, setup: SetupState): Promise<StepServer | CheckResult> {
  let server: StepServer;
  try {
    server = stepServer(setup);
  } catch (error) {
    if (isAppError(error)) return { done: false, detail: { key: 'server:check.noServer' } };
    throw error;
  }
  const pins = await deps.knownHosts.lookup(server.target.host, server.target.port);
  if (pins.pinned.length === 0) return { done: false, detail: { key: 'server:check.hostKeyNotConfirmed', values: { host: server.target.host } } };
  return server;
}

export function isServer(value: StepServer | CheckResult): value is StepServer {
  return 'target' in value;
}

/** The domain the steps serve (main/journey/derive.ts#domainToServe). */
export { domainToServe as chosenDomain } from '../../journey/derive';
