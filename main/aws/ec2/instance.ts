/**
 * The setup's one instance. It is found again by its tag before anything is
 * launched, so a crash after RunInstances never leads to a second instance,
 * whether or not the endpoint honours ClientToken; after RunInstances the tag
 * is listed again, so a retried call whose first answer was lost leaves no twin.
 */
import {
  DescribeInstancesCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  waitUntilInstanceRunning,
  waitUntilInstanceStatusOk,
  type EC2Client,
  type Instance,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import { AppError } from '../../../common/errors';
import { clientToken, setupFilter, tagSpecifications } from './tags';

type Deps = { ec2: EC2Client; signal?: AbortSignal };

export interface InstanceRequest {
  setupId: string;
  name: string;
  imageId: string;
  instanceType: string;
  keyPairName: string;
  securityGroupId: string;
  volumeGiB: number;
}

const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped'];

/** The setup's live instances, oldest first. */
async function setupInstances({ ec2, signal }: Deps, setupId: string): Promise<Instance[]> {
  const out = await ec2.send(
    new DescribeInstancesCommand({ Filters: [setupFilter(setupId), { Name: 'instance-state-name', Values: LIVE_STATES }] }),
    { abortSignal: signal },
  );
  const all = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  return all.sort((a, b) => String(a.LaunchTime ?? '').localeCompare(String(b.LaunchTime ?? '')));
}

export async function findSetupInstance(deps: Deps, setupId: string): Promise<Instance | undefined> {
  return (await setupInstances(deps, setupId))[0];
}

export async function ensureInstance(deps: Deps, request: InstanceRequest): Promise<{ instanceId: string; launched: boolean }> {
  const live = await setupInstances(deps, request.setupId);
  const existing = live[0]?.InstanceId;
  if (existing) {
    // A twin an earlier run left (it died between a retried RunInstances and its clean-up): the oldest stays.
    await terminateExtras(deps, live, existing);
    return { instanceId: existing, launched: false };
  }
  const out = await deps.ec2.send(
    new RunInstancesCommand({
      ClientToken: clientToken(request.setupId, 'instance'),
      ImageId: request.imageId,
      InstanceType: request.instanceType as _InstanceType,
      KeyName: request.keyPairName,
      SecurityGroupIds: [request.securityGroupId],
      MinCount: 1,
      MaxCount: 1,
      BlockDeviceMappings: [{ DeviceName: '/dev/sda1', Ebs: { VolumeSize: request.volumeGiB, VolumeType: 'gp3', DeleteOnTermination: true } }],
      // The interface too: an Elastic IP's association may be authorized on it (the least-privilege policy needs its tag).
      TagSpecifications: tagSpecifications(request.setupId, request.name, 'instance', 'volume', 'network-interface'),
    }),
    { abortSignal: deps.signal },
  );
  const id = out.Instances?.[0]?.InstanceId;
  if (!id) throw new AppError('aws.invalidResponse', 'RunInstances returned no instance', { awsCode: 'RunInstances' });
  await terminateExtras(deps, await setupInstances(deps, request.setupId), id);
  return { instanceId: id, launched: true };
}

/**
 * The setup has one instance. Right after RunInstances (none existed before it) any other live one is a twin from a
 * retry whose first answer was lost (an endpoint that ignores ClientToken launches again): it is terminated.
 */
async function terminateExtras(deps: Deps, live: Instance[], keep: string): Promise<void> {
  const extras = live.flatMap((i) => (i.InstanceId && i.InstanceId !== keep ? [i.InstanceId] : []));
  if (extras.length > 0) await deps.ec2.send(new TerminateInstancesCommand({ InstanceIds: extras }), { abortSignal: deps.signal });
}

export interface WaitBounds {
  runningSeconds: number;
  statusOkSeconds: number;
}

export const DEFAULT_WAIT: WaitBounds = { runningSeconds: 300, statusOkSeconds: 600 };

/** Pending → running → status checks passed, each with the SDK waiter and a bounded time. */
export async function waitForInstance(
  deps: Deps,
  instanceId: string,
  onPhase: (phase: 'running' | 'statusOk') => void,
  bounds: WaitBounds = DEFAULT_WAIT,
): Promise<void> {
  const common = { client: deps.ec2, minDelay: 2, maxDelay: 15, ...(deps.signal ? { abortSignal: deps.signal } : {}) };
  try {
    await waitUntilInstanceRunning({ ...common, maxWaitTime: bounds.runningSeconds }, { InstanceIds: [instanceId] });
    onPhase('running');
    await waitUntilInstanceStatusOk({ ...common, maxWaitTime: bounds.statusOkSeconds }, { InstanceIds: [instanceId] });
    onPhase('statusOk');
  } catch (error) {
    if (deps.signal?.aborted) throw error;
    if (error instanceof Error && /timed? ?out|TimeoutError|exceeded/i.test(`${error.name} ${error.message}`)) {
      throw new AppError('ec2.waitTimedOut', `Instance ${instanceId} did not become ready in time`, { instanceId });
    }
    throw error;
  }
}
