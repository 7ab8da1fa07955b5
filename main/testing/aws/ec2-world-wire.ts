/**
 * The stateful EC2 world (./ec2-world.ts) reached through the SDK's own
 * middleware stack instead of a stubbed `send`, so the client's retry, signing
 * and endpoint middleware really run:
 *
 * - `routeToWorld(client, service, call)`: a terminal middleware (deserialize
 *   step) answers each command from the world instead of the network.
 * - `worldCall(world)`: applies a call in this process; `serveEc2World(world)`
 *   puts the same world behind a small HTTP server and `httpWorldCall(url)`
 *   reaches it from another process, so several Onramp processes share one
 *   EC2 (main/aws/ec2/launch-two-processes.test.ts).
 * - `loseAnswers(client, commands)`: the call reaches the world and takes
 *   effect, then its answer is dropped as a network reset would, so the SDK
 *   retries it (the "lost answer" of issue 21).
 */
import * as ec2 from '@aws-sdk/client-ec2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createServer } from 'node:http';
import type { Ec2World } from './ec2-world';

export type WorldService = 'ec2' | 'ssm';
export type WorldCall = (service: WorldService, command: string, input: unknown) => Promise<unknown>;

const credentials = { accessKeyId: 'AKIAWORLDWORLDWORLD0', secretAccessKey: 'w'.repeat(40) };
type AnyCommand = Parameters<ec2.EC2Client['send']>[0];
type AnySsmCommand = Parameters<SSMClient['send']>[0];

/** Calls of `world` by command name ('RunInstances', 'GetParameter' …), applied in this process. */
export function worldCall(world: Ec2World): WorldCall {
  const backendEc2 = new ec2.EC2Client({ region: 'us-east-1', credentials });
  const backendSsm = new SSMClient({ region: 'us-east-1', credentials });
  world.attach(backendEc2, backendSsm);
  return async (service, command, input) => {
    if (service === 'ssm') {
      if (command !== 'GetParameter') throw new Error(`the world has no SSM ${command}`);
      return backendSsm.send(new GetParameterCommand(input as ConstructorParameters<typeof GetParameterCommand>[0]) as AnySsmCommand);
    }
    const ctor: unknown = (ec2 as unknown as Record<string, unknown>)[`${command}Command`];
    if (typeof ctor !== 'function') throw new Error(`no EC2 command ${command}`);
    return backendEc2.send(new (ctor as new (input: unknown) => AnyCommand)(input));
  };
}

interface WireError {
  name: string;
  message: string;
}

function fromWire(error: WireError): Error {
  return Object.assign(new Error(error.message), { name: error.name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

/** The world behind http://127.0.0.1:<port>/ (POST { service, command, input } → { output } | { error }). */
export async function serveEc2World(world: Ec2World): Promise<{ url: string; close(): Promise<void> }> {
  const call = worldCall(world);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { service, command, input } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { service: WorldService; command: string; input: unknown };
      call(service, command, input).then(
        (output) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ output })),
        (error: unknown) => {
          const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { name, message } }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the world server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reaches a world served by `serveEc2World` in another process. */
export function httpWorldCall(url: string): WorldCall {
  return async (service, command, input) => {
    const res = await fetch(url, { method: 'POST', body: JSON.stringify({ service, command, input }) });
    const answer = (await res.json()) as { output?: unknown; error?: WireError };
    if (answer.error) throw fromWire(answer.error);
    return answer.output;
  };
}

type Stack = ec2.EC2Client['middlewareStack'];

/** Answers every command of `client` from the world (the network is never used). */
export function routeToWorld(client: ec2.EC2Client | SSMClient, service: WorldService, call: WorldCall): void {
  (client.middlewareStack as unknown as Stack).add(
    (_next, context) => async (args) => {
      const command = (context.commandName ?? '').replace(/Command$/, '');
      const output = (await call(service, command, args.input)) as Record<string, unknown>;
      return { output: { ...output, $metadata: { httpStatusCode: 200 } } as never, response: {} };
    },
    { step: 'deserialize', name: 'onrampTestWorld', priority: 'high' },
  );
}

/**
 * Drops the answer of the first `times` calls of each command in `commands`: the call has taken effect in the world,
 * then the client sees a connection reset, which the SDK's retry strategy retries. `lost` lists what was dropped.
 */
export function loseAnswers(client: ec2.EC2Client, commands: readonly string[], times = 1): { lost: string[] } {
  const remaining = new Map(commands.map((c) => [c, times]));
  const lost: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const command = (context.commandName ?? '').replace(/Command$/, '');
      const left = remaining.get(command) ?? 0;
      if (left > 0) {
        remaining.set(command, left - 1);
        lost.push(command);
        throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET', $metadata: {} });
      }
      return result;
    },
    // Inside the retry middleware (finalizeRequest, high), outside the world's answer: each retry passes here again.
    { step: 'finalizeRequest', name: 'onrampLoseAnswer', priority: 'low' },
  );
  return { lost };
}
