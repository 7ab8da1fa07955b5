/**
 * Turns the contract's target reference into a full SSH target:
 * - 'setup': the guided setup's server (main/journey/derive.ts#setupServer:
 *   its Elastic IP, the key pair Onramp created and keeps in the vault);
 * - 'ownServer': the bring-your-own server saved in Settings;
 * - an explicit server as given.
 */
import type { SshTargetRef } from '../../common/contract/schemas/ssh';
import type { SetupState } from '../../common/contract/schemas/setup';
import type { ServerTarget } from '../../common/contract/schemas/journey';
import { ownServer, setupServer } from '../journey/derive';
import { sshError } from './ssh-errors';
import { normalizeTarget, type SshTarget } from './ssh-target';

export function resolveTarget(ref: SshTargetRef, state: SetupState): SshTarget {
  if (ref === 'setup') {
    const server = setupServer(state);
    if (!server) throw sshError('ssh.noSetupServer', 'The guided setup has no server with an Elastic IP and key pair yet.');
    return targetOf(server);
  }
  if (ref === 'ownServer') {
    const server = ownServer(state);
    if (!server) throw sshError('ssh.noOwnServer', 'No server of your own is set up in Settings.');
    return targetOf(server);
  }
  return normalizeTarget(ref);
}

/** The SSH target of a server the journey model names. */
export function targetOf(server: ServerTarget): SshTarget {
  return normalizeTarget({ host: server.host, port: server.port, user: server.user, keyId: server.keyId });
}

/** `host` or `host:port`, as messages show a server. */
export function displayHost(target: Pick<SshTarget, 'host' | 'port'>): string {
  return target.port === 22 ? target.host : `${target.host}:${target.port}`;
}
