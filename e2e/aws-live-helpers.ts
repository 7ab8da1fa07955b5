/**
 * The live spec's own AWS calls, with the credentials of the environment (the ones that create the
 * setup), never through Onramp: the IAM cleanup, whether the endpoint judges IAM policies, and the
 * least-privilege probe. Nothing here knows which endpoint it talks to.
 */
import {
  CreateAccessKeyCommand,
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  DetachGroupPolicyCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
  RemoveUserFromGroupCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { EC2Client, StopInstancesCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

export const region = process.env['AWS_REGION'] ?? 'us-east-1';
/** An instance id no setup made, so it carries no `onramp:setup` tag. */
export const UNTAGGED_INSTANCE = 'i-0123456789abcdef0';

/** Each cleanup call, ignoring "already gone". */
async function quietly(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if ((error as { name?: string }).name !== 'NoSuchEntityException' && (error as { name?: string }).name !== 'NoSuchEntity') throw error;
  }
}

/** Removes the IAM user and group the spec named (whatever Onramp left of them); true when the user is gone. */
export async function removeIamUser(userName: string, groupName: string): Promise<boolean> {
  const iam = new IAMClient({ region });
  try {
    await quietly(() => iam.send(new DeleteLoginProfileCommand({ UserName: userName })));
    const assigned = await iam.send(new ListMFADevicesCommand({ UserName: userName })).catch(() => ({ MFADevices: [] }));
    for (const device of assigned.MFADevices ?? []) {
      await quietly(() => iam.send(new DeactivateMFADeviceCommand({ UserName: userName, SerialNumber: device.SerialNumber })));
      await quietly(() => iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber })));
    }
    const unassigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }));
    for (const device of unassigned.VirtualMFADevices ?? []) {
      if (device.SerialNumber?.endsWith(`-${userName}`)) await quietly(() => iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber })));
    }
    const keys = await iam.send(new ListAccessKeysCommand({ UserName: userName })).catch(() => ({ AccessKeyMetadata: [] }));
    for (const key of keys.AccessKeyMetadata ?? []) await quietly(() => iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: key.AccessKeyId })));
    await quietly(() => iam.send(new RemoveUserFromGroupCommand({ UserName: userName, GroupName: groupName })));
    await quietly(() => iam.send(new DeleteUserCommand({ UserName: userName })));
    const attached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName })).catch(() => ({ AttachedPolicies: [] }));
    for (const policy of attached.AttachedPolicies ?? []) await quietly(() => iam.send(new DetachGroupPolicyCommand({ GroupName: groupName, PolicyArn: policy.PolicyArn })));
    const inline = await iam.send(new ListGroupPoliciesCommand({ GroupName: groupName })).catch(() => ({ PolicyNames: [] }));
    for (const name of inline.PolicyNames ?? []) await quietly(() => iam.send(new DeleteGroupPolicyCommand({ GroupName: groupName, PolicyName: name })));
    await quietly(() => iam.send(new DeleteGroupCommand({ GroupName: groupName })));
    return await iam.send(new GetUserCommand({ UserName: userName })).then(
      () => false,
      () => true,
    );
  } finally {
    iam.destroy();
  }
}

/** Whether IAM has the user (any answer but NoSuchEntity counts as yes, so an error cannot pass for "gone"). */
export async function userExists(userName: string): Promise<boolean> {
  const iam = new IAMClient({ region });
  try {
    return await iam.send(new GetUserCommand({ UserName: userName })).then(
      () => true,
      (error: Error) => error.name !== 'NoSuchEntityException' && error.name !== 'NoSuchEntity',
    );
  } finally {
    iam.destroy();
  }
}

/** Whether the endpoint judges requests at all: a made-up key (AWS's documentation example) must be refused. */
export async function policiesEnforced(): Promise<boolean> {
  const sts = new STSClient({ region, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });
  try {
    return await sts.send(new GetCallerIdentityCommand({})).then(
      () => false,
      () => true,
    );
  } finally {
    sts.destroy();
  }
}

/** The managed policies attached to the group Onramp made (today's "EC2 only" preset is AmazonEC2FullAccess). */
export async function groupPolicies(groupName: string): Promise<string[]> {
  const iam = new IAMClient({ region });
  try {
    const attached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName }));
    return (attached.AttachedPolicies ?? []).map((p) => p.PolicyArn ?? '?');
  } finally {
    iam.destroy();
  }
}

export type Verdict = 'allowed' | 'denied';
export interface StopVerdicts {
  /** How the verdicts were reached. */
  how: 'simulator' | 'enforced endpoint';
  /** Stopping the setup's own, tagged instance (the control: the user must be able to). */
  tagged: Verdict;
  /** Stopping an instance without the setup's tag. */
  untagged: Verdict;
}

/** An endpoint that does not have the action answers 404, 501 or a server error, or names it unknown. */
function notImplemented(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode ?? 0;
  return status === 404 || status >= 500 || /NotImplemented|InvalidAction|UnknownOperation/.test(e.name ?? '');
}

/**
 * May the IAM user stop an instance? IAM's policy simulator (SimulatePrincipalPolicy) when the endpoint
 * has it; else, where the endpoint enforces policies, a DryRun StopInstances signed by a second key made
 * for the user (deleted again). Undefined, with the reason, when neither can tell.
 */
export async function stopVerdicts(input: { userArn: string; userName: string; accountId: string; setupId: string; taggedInstance: string }): Promise<StopVerdicts | { unavailable: string }> {
  const iam = new IAMClient({ region });
  const arn = (id: string) => `arn:aws:ec2:${region}:${input.accountId}:instance/${id}`;
  try {
    const simulate = async (instance: string, tagged: boolean): Promise<Verdict> => {
      const r = await iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: input.userArn,
          ActionNames: ['ec2:StopInstances'],
          ResourceArns: [arn(instance)],
          // The tag as a policy may name it: the global key or EC2's own.
          ContextEntries: tagged ? ['aws:ResourceTag/onramp:setup', 'ec2:ResourceTag/onramp:setup'].map((key) => ({ ContextKeyName: key, ContextKeyType: 'string' as const, ContextKeyValues: [input.setupId] })) : [],
        }),
      );
      return r.EvaluationResults?.[0]?.EvalDecision === 'allowed' ? 'allowed' : 'denied';
    };
    let simulatorMissing: string;
    try {
      return { how: 'simulator', tagged: await simulate(input.taggedInstance, true), untagged: await simulate(UNTAGGED_INSTANCE, false) };
    } catch (error) {
      if (!notImplemented(error)) throw error;
      simulatorMissing = `SimulatePrincipalPolicy is not implemented here (${(error as Error).name}, HTTP ${(error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? '?'})`;
    }
    if (!(await policiesEnforced())) return { unavailable: `${simulatorMissing}, and this endpoint does not judge IAM policies (a made-up key is accepted)` };
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: input.userName }));
    if (!AccessKey?.AccessKeyId || !AccessKey.SecretAccessKey) throw new Error('CreateAccessKey returned no key');
    const ec2 = new EC2Client({ region, credentials: { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey } });
    try {
      const tryStop = (instance: string): Promise<Verdict> =>
        ec2.send(new StopInstancesCommand({ InstanceIds: [instance], DryRun: true })).then(
          () => 'allowed',
          (error: Error) => {
            if (error.name === 'DryRunOperation') return 'allowed';
            if (/UnauthorizedOperation|AccessDenied/.test(error.name)) return 'denied';
            throw error;
          },
        );
      return { how: 'enforced endpoint', tagged: await tryStop(input.taggedInstance), untagged: await tryStop(UNTAGGED_INSTANCE) };
    } finally {
      ec2.destroy();
      await iam.send(new DeleteAccessKeyCommand({ UserName: input.userName, AccessKeyId: AccessKey.AccessKeyId }));
    }
  } finally {
    iam.destroy();
  }
}

/**
 * Does the endpoint judge a resource-scoped Allow? The setup's policy lets the user read itself
 * (`iam:GetUser` on `arn:…:user/${aws:username}`). Signed by a second key made for the user (deleted
 * again): allowed on real AWS; an endpoint that authorizes every request against `Resource: "*"` (moto
 * 5.2.2's enforcement: no resource is derived from EC2 or IAM requests, so no ARN-scoped statement ever
 * matches) denies it. Undefined when policies are not enforced at all, else the reason it cannot judge.
 */
export async function resourceScopesIgnored(userName: string): Promise<string | undefined> {
  if (!(await policiesEnforced())) return undefined;
  const iam = new IAMClient({ region });
  try {
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
    if (!AccessKey?.AccessKeyId || !AccessKey.SecretAccessKey) throw new Error('CreateAccessKey returned no key');
    const asUser = new IAMClient({ region, credentials: { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey } });
    try {
      await asUser.send(new GetUserCommand({}));
      return undefined;
    } catch (error) {
      if (!/AccessDenied/.test((error as Error).name)) throw error;
      return `this endpoint denies the IAM user iam:GetUser on itself although the setup's policy allows it on arn:aws:iam::*:user/\${aws:username}: it does not judge resource-scoped statements (moto 5.2.2 authorizes every EC2 and IAM request against Resource "*"), so the least-privilege policy cannot be exercised here; it is proved by main/aws/iam/least-privilege.test.ts and against real AWS`;
    } finally {
      asUser.destroy();
      await iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: AccessKey.AccessKeyId }));
    }
  } finally {
    iam.destroy();
  }
}
