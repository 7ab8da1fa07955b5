/**
 * One Onramp process for the two-process launch test (main/aws/ec2/launch-two-processes.test.ts):
 *   node --import tsx main/testing/aws/launch-child.ts <dataDir> <worldUrl>
 * Builds the services over `dataDir` (passphrase vault: ONRAMP_TEST_VAULT_PASSPHRASE), with EC2 and SSM answered by
 * the world served at `worldUrl` (ec2-world-wire.ts) and STS by a stub, connects AWS, prints {"ready":true}, waits
 * for a line on stdin, starts `launch-server.launch` through the contract and prints how it ended.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { createInterface } from 'node:readline';
import type { AwsClientsFactory } from '../../aws/aws-connection';
import { createAwsClients } from '../../aws/client-factory';
import { createServices } from '../../composition';
import { createHostPlatform } from '../../host/host-platform';
import { InMemoryKeychain } from '../../vault/memory-keychain';
import { launchChoices } from './ec2-operation-deps';
import { httpWorldCall, routeToWorld } from './ec2-world-wire';

function sharedWorldFactory(url: string): AwsClientsFactory {
  const call = httpWorldCall(url);
  return async (options) => {
    const real = await createAwsClients(options);
    const wired = new WeakSet<object>();
    const get: typeof real.get = (clientClass, region) => {
      const client = real.get(clientClass, region);
      if (!wired.has(client)) {
        wired.add(client);
        if (client instanceof EC2Client) routeToWorld(client, 'ec2', call);
        else if (client instanceof SSMClient) routeToWorld(client, 'ssm', call);
        else if (client instanceof STSClient) {
          mockClient(client).on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/dev', UserId: 'AIDATEST' });
        }
      }
      return client;
    };
    return { ...real, get, sts: () => get(STSClient) };
  };
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

async function main(): Promise<void> {
  const [dataDir, worldUrl] = process.argv.slice(2);
  if (!dataDir || !worldUrl) throw new Error('usage: launch-child <dataDir> <worldUrl>');
  const services = createServices({
    dataDir,
    keychain: new InMemoryKeychain(),
    options: { platform: createHostPlatform('test'), log: () => undefined, reconcileOnStart: false, awsClientsFactory: sharedWorldFactory(worldUrl) },
  });
  const must = async (channel: string, request: unknown) => {
    const result = await services.dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
    return result.value;
  };
  await must('vault.unlock', { passphrase: process.env['ONRAMP_TEST_VAULT_PASSPHRASE'] ?? '' });
  await must('aws.connect', { source: { kind: 'default' }, region: 'ap-northeast-2' });

  const finished = new Map<string, unknown>();
  services.events.subscribe((event, payload) => {
    if (event === 'op.finished') finished.set((payload as { opId: string }).opId, (payload as { outcome: unknown }).outcome);
  });
  print({ ready: true });
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  const started = await services.dispatch('op.start', { kind: 'launch-server.launch', input: launchChoices });
  if (!started.ok) print({ refused: started.error.code });
  else {
    const { opId } = started.value as { opId: string };
    while (!finished.has(opId)) await new Promise((resolve) => setTimeout(resolve, 20));
    print({ outcome: finished.get(opId) });
  }
  lines.close();
  await services.dispose();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    print({ crash: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  },
);
