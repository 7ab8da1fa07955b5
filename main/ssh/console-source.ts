/**
 * Where the host key policy finds EC2 console host keys: only for the guided
 * setup's own instance (its Elastic IP), read through the verified AWS
 * connection of this session. Anything else — a bring-your-own server, or no
 * AWS connection yet — has no console to compare with ('noConsole'), so the
 * user is asked to compare the fingerprint.
 */
import type { AwsConnection } from '../aws/aws-connection';
import type { SetupStateStore } from '../setup/state-store';
import { fetchConsoleHostKeys } from './console-host-keys';
import type { ConsoleHostKeysSource } from './host-key-policy';

export function setupConsoleHostKeys(setup: SetupStateStore, aws: Pick<AwsConnection, 'current'>): ConsoleHostKeysSource {
  return async (target) => {
    const { resources, choices } = await setup.get();
    if (!resources.instanceId || !resources.elasticIp || target.host !== resources.elasticIp) return { status: 'noConsole' };
    const connection = aws.current();
    if (!connection) return { status: 'noConsole' };
    const hostKeys = await fetchConsoleHostKeys(connection.clients.ec2(choices.region ?? connection.region), resources.instanceId);
    return hostKeys ? { status: 'found', hostKeys } : { status: 'notReady' };
  };
}
