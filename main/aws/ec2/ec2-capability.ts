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
import { knownRegionChoices } from '../region-catalog';
import { deleteIamUserOperation } from './delete-iam-user-operation';
import { reusableKeyPairs } from './key-pair';
import { lookUpMyIp, DEFAULT_MY_IP_URL } from './my-ip';
import { monthlyEstimate, PUBLIC_IPV4_HOURLY_USD, HOURS_PER_MONTH } from './price-table';
import { addRule, findSetupGroup, listRules, removeRule } from './security-group';
import { listTagged, teardown } from './teardown';
import { AppError } from '../../../common/errors';
import type { TaggedResources } from '../../../common/contract/schemas/ec2';
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

  /** What AWS holds for the setup, found by its tag, with the monthly estimate (ec2.resources and the journey model). */
  const taggedResources = (): Promise<TaggedResources> =>
    wrap(async () => {
      const c = await clients();
      const setup = await deps.setup.get();
      const found = await listTagged({ ec2: c.ec2 }, setup.setupId);
      const instances = found.instances.map((i) => {
        const estimate = i.instanceType ? monthlyEstimate(c.region, i.instanceType) : undefined;
        return { ...i, ...(estimate ? { estimate } : {}) };
      });
      const ipv4Monthly = PUBLIC_IPV4_HOURLY_USD * HOURS_PER_MONTH;
      const monthlyUsd = instances.reduce((sum, i) => sum + (i.estimate?.instanceUsd ?? 0), 0) + found.addresses.length * ipv4Monthly;
      return {
        region: c.region,
        instances,
        addresses: found.addresses.map((a) => ({ allocationId: a.allocationId, publicIp: a.publicIp, associated: !!a.associationId })),
        securityGroups: found.securityGroups,
        keyPairs: found.keyPairs.map((k) => ({ keyName: k.keyName, inVault: !!deps.vault.findKeyPair(k.keyName, c.region) })),
        monthlyUsd: Math.round(monthlyUsd * 100) / 100,
      };
    });

  const teardownOperation = defineOperation({
    kind: 'done.teardown',
    affects: { steps: ['launch-server', 'static-ip', 'domain', 'connect', 'web-server', 'https'], awsResources: true, undoes: ['launch-server', 'static-ip', 'connect', 'web-server', 'https'] },
    async run({ deleteVaultKey }, { signal, progress }) {
      const setup = await deps.setup.get();
      const c = await clientsFor(deps.connection, setup);
      const parts = ['elasticIp', 'instance', 'securityGroup', 'keyPair'] as const;
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
      // What EC2 made is gone: forget its ids. The IAM user's items are not EC2's; a key pair's vault item that
      // was kept stays recorded with its key pair's name, so the journey model offers it for deletion.
      const keptKey = !deleteVaultKey || vaultKeys === 0;
      await deps.setup.update((s) => {
        const { instanceId: _i, allocationId: _a, elasticIp: _e, securityGroupId: _g, keyPairName, sshKeyItemId, ...rest } = s.resources;
        return { ...s, resources: { ...rest, ...(keptKey && sshKeyItemId ? { sshKeyItemId, ...(keyPairName ? { keyPairName } : {}) } : {}) } };
      });
      return {
        removed: {
          addresses: result.removed.addresses.length,
          instances: result.removed.instances.length,
          securityGroups: result.removed.securityGroups.length,
          keyPairs: result.removed.keyPairs.length,
          vaultKeys,
        },
        failures: result.failures.map((f) => ({ part: f.part, id: f.id, code: toEc2AppError(f.error).code || readErrorFacts(f.error).name })),
      };
    },
  });

  const handlers: HandlersFor<'ec2'> = {
    // One region list for every page: AWS's own once the setup has chosen credentials, else main's catalog.
    'ec2.regions': async () => {
      const setup = await deps.setup.get();
      if (!setup.choices.awsSource || !setup.choices.region) return { regions: knownRegionChoices(), live: false };
      return wrap(async () => ({ regions: await regions((await clients()).ec2), live: true }));
    },
    'ec2.instanceTypes': ({ region }) => wrap(async () => ({ types: await instanceTypes((await clients()).connection.clients, region) })),
    'ec2.keyPairs': () =>
      wrap(async () => {
        const c = await clients();
        return { keyPairs: await reusableKeyPairs({ ec2: c.ec2, vault: deps.vault }, c.region) };
      }),
    'ec2.myIp': async () => ({ ip: await lookUpMyIp(deps.myIpUrl ?? DEFAULT_MY_IP_URL) }),
    'ec2.resources': () => taggedResources(),
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
    /** What AWS holds for the setup by its tag (the journey model's resources). */
    taggedResources,
    steps: [launchServerStep(deps), staticIpStep(deps)],
    dispose: () => undefined,
    operations: [launchOperation(deps), staticIpOperation(deps), teardownOperation, deleteIamUserOperation(deps)],
    handlers,
  };
}
