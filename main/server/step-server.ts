/**
 * Which server the Web server and HTTPS steps work on: the same one the
 * Connect step checks (main/ssh/connect-step.ts#selectedServer): the guided
 * setup's instance (its Elastic IP and key pair) when there is one, else the
 * bring-your-own server from Settings (no AWS needed at all).
 */
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import type { SetupState } from '../../common/contract/schemas/setup';
import { AppError } from '../../common/errors';
import type { SshTarget } from '../ssh';
import { selectedServer } from '../ssh/connect-step';
import { pathOf } from '../setup/setup-path';

export interface StepServer {
  target: SshTarget;
  /** Bring your own: no security group to read. */
  byo: boolean;
  instanceId?: string;
}

export function stepServer(state: SetupState): StepServer {
  const target = selectedServer(state);
  if (!target) throw new AppError('server.noServer', 'No server yet: launch one, or set your own server in Settings.');
  const isSetupServer = pathOf(state) === 'aws' && Boolean(state.resources.elasticIp && state.resources.sshKeyItemId);
  return isSetupServer ? { target, byo: false, instanceId: state.resources.instanceId } : { target, byo: true };
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
