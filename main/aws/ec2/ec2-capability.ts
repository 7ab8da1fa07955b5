/**
 * EC2 as a capability: the launch-server and static-IP steps, the launch,
 * attach and teardown operations, and the quick `ec2.*` reads (regions, types,
 * my IP, tagged resources, security-group rules).
 */
import type { HandlersFor } from '../../../common/contract/types';
import { clientsFor } from './ec2-clients';
import { openPorts } from './open-ports';
import { toEc2Error } from './ec2-errors';
import { launchOperation, launchServerStep, staticIpOperation, staticIpStep, type LaunchStepDeps } from './launch-steps';
import { instanceTypes, regions } from './catalog';
import { knownRegionChoices } from '../region-catalog';
import { deleteIamUserOperation } from './delete-iam-user-operation';
import { findKeyPair, reusableKeyPairs } from './key-pair';
import { lookUpMyIp, DEFAULT_MY_IP_URL, toCidr32 } from './my-ip';
import { creditMonths } from '../../../common/cost/monthly-cost';
import { accountPlanOf } from '../billing/plan-cache';
import { costGuardOperation, readSetupBudget } from './cost-guard-operation';
import { setupCost } from './setup-cost';
import { findSetupVolumes } from './volumes';
import { addRule, ensureRules, findSetupGroup, listRules, narrowSsh, removeRule, sshAccess } from './security-group';
import { listTagged } from './teardown';
import { teardownOperation } from './teardown-operation';
import { AppError } from '../../../common/errors';
import type { TaggedResources } from '../../../common/contract/schemas/ec2';
import type { SecretStore } from '../../vault/secret-store';
import type { AwsConnection } from '../aws-connection';

export interface Ec2CapabilityDeps extends LaunchStepDeps {
  connection: LaunchStepDeps['connection'] & Pick<AwsConnection, 'withClients'>;
  vault: LaunchStepDeps['vault'] & Pick<SecretStore, 'remove' | 'find'>;
  /** The HTTPS "what is my IP" service (plain-text answer). */
  myIpUrl?: string;
}

export function createEc2Capability(deps: Ec2CapabilityDeps) {
  const clients = async () => clientsFor(deps.connection, await deps.setup.get());
  const wrap = async <T>(task: () => Promise<T>): Promise<T> => {
    try {
      return await task();
    } catch (error) {
      throw await toEc2Error(error);
    }
  };
  const securityGroup = async () => {
    const c = await clients();
    const setup = await deps.setup.get();
    const groupId = await findSetupGroup({ ec2: c.ec2 }, setup.setupId);
    if (!groupId) throw new AppError('ec2.launchFirst', 'Launch the server first.');
    return { ec2: c.ec2, groupId };
  };

  /** What AWS holds for the setup, found by its tag, with what it costs a month (ec2.resources and the journey model). */
  const taggedResources = (): Promise<TaggedResources> =>
      wrap(async () => {
      const c = await clients();
        const setup = await deps.setup.get();
        const [found, volumes, plan] = await Promise.all([listTagged({ ec2: c.ec2 }, setup.setupId), findSetupVolumes({ ec2: c.ec2 }, setup.setupId), accountPlanOf(c.connection)]);
        const cost = setupCost(c.region, { instances: found.instances, volumes, publicIpv4Count: found.addresses.length });
        const months = plan.state === 'free' && plan.creditsUsd !== undefined ? creditMonths(plan.creditsUsd, cost.monthly.totalUsd) : undefined;
        const held = await Promise.all(found.keyPairs.map(async (k) => !!(await findKeyPair(deps.vault, k.keyName, c.region, setup.resources.sshKeyItemId))));
        return {
          region: c.region,
          instances: cost.instances,
          volumes: cost.volumes,
          addresses: found.addresses.map((a) => ({ allocationId: a.allocationId, publicIp: a.publicIp, associated: !!a.associationId })),
          securityGroups: found.securityGroups,
          keyPairs: found.keyPairs.map((k, i) => ({ keyName: k.keyName, inVault: held[i] ?? false })),
          monthly: cost.monthly,
          plan,
          ...(months !== undefined ? { creditMonths: months } : {}),
        };
      });

  const handlers: HandlersFor<'ec2'> = {
    // One region list for every page: AWS's own once the setup has chosen credentials, else main's catalog.
    'ec2.regions': async () => {
      const setup = await deps.setup.get();
      if (!setup.choices.awsSource || !setup.choices.region) return { regions: knownRegionChoices(), live: false };
      return wrap(async () => ({ regions: await regions((await clients()).ec2), live: true }));
    },
    'ec2.instanceTypes': ({ region }) =>
      wrap(async () => {
        const { connection } = await clients();
        const plan = await accountPlanOf(connection);
        return { types: await instanceTypes(connection.clients, region, plan), plan };
      }),
    'ec2.keyPairs': () =>
      wrap(async () => {
        const c = await clients();
        return { keyPairs: await reusableKeyPairs({ ec2: c.ec2, vault: deps.vault }, c.region) };
      }),
    'ec2.myIp': async () => ({ ip: await lookUpMyIp(deps.myIpUrl ?? DEFAULT_MY_IP_URL) }),
    'ec2.resources': () => taggedResources(),
    'ec2.budget': () => readSetupBudget(deps),
    'ec2.rules': () =>
      wrap(async () => {
        const { ec2, groupId } = await securityGroup();
        const rules = await listRules({ ec2 }, groupId);
        return {
          groupId,
          rules: rules.flatMap((r) => (r.SecurityGroupRuleId && r.FromPort !== undefined ? [{ ruleId: r.SecurityGroupRuleId, port: r.FromPort, cidr: r.CidrIpv4 ?? r.CidrIpv6 ?? '' }] : [])),
        };
      }),
    'ec2.addRule': (rule) =>
      wrap(async () => {
        const { ec2, groupId } = await securityGroup();
        await addRule({ ec2 }, groupId, rule);
        return { done: true };
      }),
    'ec2.removeRule': ({ ruleId }) =>
      wrap(async () => {
        const { ec2, groupId } = await securityGroup();
        await removeRule({ ec2 }, groupId, ruleId);
        return { done: true };
      }),
    // Connect timed out: is the user's current IP still allowed in?
    'ec2.sshAccess': () =>
      wrap(async () => {
        const { ec2, groupId } = await securityGroup();
        const ip = await lookUpMyIp(deps.myIpUrl ?? DEFAULT_MY_IP_URL);
        return { ip, ...(await sshAccess({ ec2 }, groupId, ip)) };
      }),
    'ec2.setSshSource': ({ ssh }) =>
      wrap(async () => {
        const { ec2, groupId } = await securityGroup();
        const cidr = ssh.from === 'anywhere' ? '0.0.0.0/0' : toCidr32(ssh.ip);
        const before = await ensureRules({ ec2 }, groupId, [{ port: 22, cidr }]);
        const revoked = await narrowSsh({ ec2 }, groupId, cidr, before);
        // The next launch keeps this source instead of putting the old one back.
        await deps.setup.update((s) => (s.choices.launch ? { ...s, choices: { ...s.choices, launch: { ...s.choices.launch, ssh } } } : s));
        return { allowed: cidr, revoked };
      }),
  };

  return {
    /** For the HTTPS preflight: which ports the instance's security groups open to 0.0.0.0/0. */
    securityGroups: {
      openPorts: async (instanceId: string, ports: number[], signal: AbortSignal) => openPorts((await clients()).ec2, instanceId, ports, signal),
    },
    /** What AWS holds for the setup by its tag (the journey model's resources). */
    taggedResources,
    steps: [launchServerStep(deps), staticIpStep(deps)],
    dispose: () => undefined,
    operations: [launchOperation(deps), staticIpOperation(deps), teardownOperation(deps), deleteIamUserOperation(deps), costGuardOperation(deps)],
    handlers,
  };
}
