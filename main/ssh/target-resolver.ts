/**
 * Turns the contract's target reference into a full SSH target:
 * - 'setup': the guided setup's server (its Elastic IP, the key pair Onramp
 *   created and keeps in the vault, user ubuntu, port 22);
 * - 'ownServer': the bring-your-own server saved in Settings;
 * - an explicit server as given.
 */
import type { SshTargetRef } from '../../common/contract/schemas/ssh';
import type { SetupState } from '../../common/contract/schemas/setup';
import { sshError } from './ssh-errors';
import { normalizeTarget, type SshTarget } from './ssh-target';

export function resolveTarget(ref: SshTargetRef, state: SetupState): SshTarget {
  if (ref === 'setup') {
    const { elasticIp, sshKeyItemId } = state.resources;
    if (!elasticIp || !sshKeyItemId) {
      throw sshError('ssh.noSetupServer', 'The guided setup has no server with an Elastic IP and key pair yet.');
    }
    return normalizeTarget({ host: elasticIp, port: 22, user: 'ubuntu', keyId: sshKeyItemId });
  }
  if (ref === 'ownServer') {
    const own = state.choices.ownServer;
    if (!own) throw sshError('ssh.noOwnServer', 'No server of your own is set up in Settings.');
    return normalizeTarget(own);
  }
  return normalizeTarget(ref);
}

/** `host` or `host:port`, as messages show a server. */
export function displayHost(target: Pick<SshTarget, 'host' | 'port'>): string {
  return target.port === 22 ? target.host : `${target.host}:${target.port}`;
}
