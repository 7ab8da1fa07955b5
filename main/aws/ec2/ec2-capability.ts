/**
 * EC2 as a capability: the launch-server and static-IP steps, the launch,
 * attach and teardown operations, and the quick `ec2.*` reads (regions, types,
 * my IP, tagged resources, security-group rules).
 */
import type { HandlersFor } from '../../../common/contract/types';
import { defineOperation } from '../../setup/operation';
import { readErrorFacts } from '../error-facts';
import { clientsFor } from './ec2-clients';
import { openPorts } from './open-ports';
import { toEc2AppError } from './ec2-errors';
import { launchOperation, launchServerStep, staticIpOperation, staticIpStep, type LaunchStepDeps } from './launch-steps';
import { instanceTypes, regions } from './catalog';
import { deleteIamUserOperation } from './delete-iam-user-operation';
import { reusableKeyPairs } from './key-pair';
import { lookUpMyIp, DEFAULT_MY_IP_URL } from './my-ip';
import { creditMonths } from '../../../common/cost/monthly-cost';
import { accountPlanOf } from '../billing/plan-cache';
import { costGuardOperation, readSetupBudget, removeSetupBudget, toBudgetAppError } from './cost-guard-operation';
import { setupCost } from './setup-cost';
import { findSetupVolumes } from './volumes';
import { addRule, findSetupGroup, listRules, removeRule } from './security-group';
import { listTagged, teardown } from './teardown';
import { AppError } from '../../../common/errors';
import type { SecretStore } from '../../vault/secret-store';
import type { AwsConnection } from '../aws-connection';

export interface Ec2CapabilityDeps extends LaunchStepDeps {
  connection: LaunchStepDeps['connection'] & Pick<AwsConnection, 'withClients'>;
  vault: LaunchStepDeps['vault'] & Pick<SecretStore, 'remove'>;
  /** The HTTPS "what is my IP" service (plain-text answer). */
  myIpUrl?: string;
}

export function createEc2Capability(deps: Ec2CapabilityDeps) {
  const clients = async () => clientsFor(deps.connection, await deps.setup.get());
  const wrap = async <T>(task: () => Promise<T>): Promise<T> => {
    try {
      return await task();
    } catch (error) {
      throw toEc2AppError(error);
    }
  };
  const securityGroup = async () => {
    const c = await clients();
    const setup = await deps.setup.get();
    const groupId = await findSetupGroup({ ec2: c.ec2 }, setup.setupId);
    if (!groupId) throw new AppError('ec2.launchFirst', 'Launch the server first.');
    return { ec2: c.ec2, groupId };
  };

  const teardownOperation = defineOperation({
    kind: 'done.teardown',
    async run({ deleteVaultKey, deleteBudget }, { signal, progress }) {
      const setup = await deps.setup.get();
      const c = await clientsFor(deps.connection, setup);
      const parts = ['elasticIp', 'instance', 'securityGroup', 'keyPair', 'budget'] as const;
      const result = await teardown(
        { ec2: c.ec2, signal, onPart: (part) => progress({ phase: `ec2:teardown.${part}`, fraction: parts.indexOf(part) / parts.length }) },
        setup.setupId,
      ).catch((error: unknown) => {
        throw toEc2AppError(error);
      });
      let vaultKeys = 0;
      if (deleteVaultKey) {
        for (const k of result.removed.keyPairs) {
          const id = deps.vault.findKeyPair(k.keyName, c.region);
          if (id && !result.failures.some((f) => f.part === 'keyPair' && f.id === k.keyName)) {
            await deps.vault.remove(id);
            vaultKeys += 1;
          }
        }
      }
      // The budget goes only when the user asks: it guards the account, not just these resources.
      let budgets = 0;
      const budgetFailures: { part: 'budget'; id: string; code: string }[] = [];
      if (deleteBudget) {
        progress({ phase: 'ec2:teardown.budget', fraction: parts.indexOf('budget') / parts.length });
        try {
          budgets = (await removeSetupBudget(c.connection, setup.setupId, signal)) ? 1 : 0;
        } catch (error) {
          if (signal.aborted) throw error;
          budgetFailures.push({ part: 'budget', id: setup.setupId, code: toBudgetAppError(error).code });
        }
      }
      await deps.setup.update((s) => ({ ...s, resources: {} }));
      return {
        removed: {
          addresses: result.removed.addresses.length,
          instances: result.removed.instances.length,
          securityGroups: result.removed.securityGroups.length,
          keyPairs: result.removed.keyPairs.length,
          vaultKeys,
          budgets,
        },
        failures: [...result.failures.map((f) => ({ part: f.part, id: f.id, code: toEc2AppError(f.error).code || readErrorFacts(f.error).name })), ...budgetFailures],
      };
    },
  });

  const handlers: HandlersFor<'ec2'> = {
    'ec2.regions': () => wrap(async () => ({ regions: await regions((await clients()).ec2) })),
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
    'ec2.resources': () =>
      wrap(async () => {
        const c = await clients();
        const setup = await deps.setup.get();
        const [found, volumes, plan] = await Promise.all([listTagged({ ec2: c.ec2 }, setup.setupId), findSetupVolumes({ ec2: c.ec2 }, setup.setupId), accountPlanOf(c.connection)]);
        const cost = setupCost(c.region, { instances: found.instances, volumes, publicIpv4Count: found.addresses.length });
        const months = plan.state === 'free' && plan.creditsUsd !== undefined ? creditMonths(plan.creditsUsd, cost.monthly.totalUsd) : undefined;
        return {
          region: c.region,
          instances: cost.instances,
          volumes: cost.volumes,
          addresses: found.addresses.map((a) => ({ allocationId: a.allocationId, publicIp: a.publicIp, associated: !!a.associationId })),
          securityGroups: found.securityGroups,
          keyPairs: found.keyPairs.map((k) => ({ keyName: k.keyName, inVault: !!deps.vault.findKeyPair(k.keyName, c.region) })),
          monthly: cost.monthly,
          plan,
          ...(months !== undefined ? { creditMonths: months } : {}),
        };
      }),
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
  };

  return {
    /** For the HTTPS preflight: which ports the instance's security groups open to 0.0.0.0/0. */
    securityGroups: {
      openPorts: async (instanceId: string, ports: number[], signal: AbortSignal) => openPorts((await clients()).ec2, instanceId, ports, signal),
    },
    steps: [launchServerStep(deps), staticIpStep(deps)],
    operations: [launchOperation(deps), staticIpOperation(deps), teardownOperation, deleteIamUserOperation(deps), costGuardOperation(deps)],
    handlers,
  };
}
