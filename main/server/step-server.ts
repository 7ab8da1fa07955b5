/**
 * Which server the Web server and HTTPS steps work on: the bring-your-own
 * server from Settings when there is one (no AWS needed), otherwise the guided
 * setup's instance (its Elastic IP and key pair).
 */
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import type { SetupState } from '../../common/contract/schemas/setup';
import { AppError } from '../../common/errors';
import type { SshTarget } from '../ssh';
import { resolveTarget } from '../ssh/target-resolver';

export interface StepServer {
  target: SshTarget;
  /** Bring your own: no security group to read. */
  byo: boolean;
  instanceId?: string;
}

export function stepServer(state: SetupState): StepServer {
  if (state.choices.ownServer) return { target: resolveTarget('ownServer', state), byo: true };
  if (state.resources.elasticIp && state.resources.sshKeyItemId) {
    return { target: resolveTarget('setup', state), byo: false, instanceId: state.resources.instanceId };
  }
  throw new AppError('server.noServer', 'No server yet: launch one, or set your own server in Settings.');
}

/** The IPv4 address the domain's A record must point at: the host itself, or what its name resolves to. */
export async function serverIpv4(host: string): Promise<string> {
  if (net.isIPv4(host)) return host;
  try {
    return (await lookup(host, { family: 4 })).address;
  } catch {
    throw new AppError('server.hostUnresolved', `Could not resolve ${host}.`, { host });
  }
}
