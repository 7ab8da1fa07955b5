/**
 * The launch-server and static-IP steps: check() reads the instance and the
 * Elastic IP by the setup tag; the operations launch (or continue launching)
 * and attach the address, recording ids in the setup as they become known.
 */
import type { SetupState } from '../../../common/contract/schemas/setup';
import { AppError } from '../../../common/errors';
import { defineOperation } from '../../setup/operation';
import { awsOnly, type CheckResult, type StepDefinition } from '../../setup/step';
import type { SetupStateStore } from '../../setup/state-store';
import type { AwsConnection } from '../aws-connection';
import { clientsFor, type SetupClients } from './ec2-clients';
import { toEc2Error } from './ec2-errors';
import { ensureElasticIp, findSetupAddresses } from './elastic-ip';
import { findSetupInstance } from './instance';
import type { KeyVault } from './key-pair';
import { launch, LAUNCH_PHASES, type LaunchPhase } from './launch-flow';
import { toCidr32 } from './my-ip';

export interface LaunchStepDeps {
  connection: Pick<AwsConnection, 'currentFor' | 'connect'>;
  setup: Pick<SetupStateStore, 'get' | 'update'>;
  vault: KeyVault;
}

function recordResources(setup: LaunchStepDeps['setup']) {
  return (patch: Partial<SetupState['resources']>) => setup.update((s) => ({ ...s, resources: { ...s.resources, ...patch } })).then(() => undefined);
}

export function launchServerStep(deps: LaunchStepDeps): StepDefinition {
  return {
    id: 'launch-server',
    appliesTo: awsOnly({ key: 'setup:skipped.launch-server' }),
    watch: (setup) => [setup.choices.awsSource, setup.choices.region, setup.resources.instanceId],
    async check({ setup, signal }): Promise<CheckResult> {
      if (!setup.choices.awsSource || !setup.choices.region) return { done: false, detail: { key: 'ec2:check.connectFirst' } };
      const clients = await clientsFor(deps.connection, setup);
      const instance = await findSetupInstance({ ec2: clients.ec2, signal }, setup.setupId);
      if (!instance?.InstanceId) return { done: false, detail: { key: 'ec2:check.noInstance', values: { region: clients.region } } };
      const state = instance.State?.Name ?? 'unknown';
      const done = state === 'running';
      return { done, detail: { key: done ? 'ec2:check.running' : 'ec2:check.instanceState', values: { instanceId: instance.InstanceId, state, region: clients.region } } };
    },
  };
}

export function staticIpStep(deps: LaunchStepDeps): StepDefinition {
  return {
    id: 'static-ip',
    appliesTo: awsOnly({ key: 'setup:skipped.static-ip' }),
    watch: (setup) => [setup.choices.awsSource, setup.choices.region, setup.resources.allocationId, setup.resources.instanceId],
    async check({ setup, signal }): Promise<CheckResult> {
      if (!setup.choices.awsSource || !setup.choices.region) return { done: false, detail: { key: 'ec2:check.connectFirst' } };
      const clients = await clientsFor(deps.connection, setup);
      const [instance, addresses] = await Promise.all([
        findSetupInstance({ ec2: clients.ec2, signal }, setup.setupId),
        findSetupAddresses({ ec2: clients.ec2, signal }, setup.setupId),
      ]);
      const eip = addresses[0];
      if (!eip) return { done: false, detail: { key: 'ec2:check.noAddress' } };
      const done = !!instance?.InstanceId && eip.instanceId === instance.InstanceId;
      return { done, detail: { key: done ? 'ec2:check.addressAttached' : 'ec2:check.addressNotAttached', values: { ip: eip.publicIp } } };
    },
  };
}

export function launchOperation(deps: LaunchStepDeps) {
  return defineOperation({
    kind: 'launch-server.launch',
    step: 'launch-server',
    affects: { steps: ['static-ip', 'domain', 'connect', 'web-server', 'app', 'https'], awsResources: true, finishedWhen: ['launch-server', 'static-ip'] },
    async run(choices, { signal, progress }) {
      const saved = await deps.setup.update((s) => ({ ...s, choices: { ...s.choices, launch: choices } }));
      let clients: SetupClients | undefined;
      try {
        clients = await clientsFor(deps.connection, saved);
        const onPhase = (phase: LaunchPhase) =>
          progress({ phase: `ec2:phases.${phase}`, fraction: LAUNCH_PHASES.indexOf(phase) / LAUNCH_PHASES.length, message: { key: 'ec2:phases.region', values: { region: clients?.region ?? '' } } });
        const result = await launch(
          { ec2: clients.ec2, ssm: clients.ssm, vault: deps.vault, signal, onPhase, onResource: recordResources(deps.setup) },
          {
            setupId: saved.setupId,
            region: clients.region,
            name: choices.name,
            ubuntu: choices.ubuntu,
            instanceType: choices.instanceType,
            keyPair: choices.keyPair,
            sshCidr: choices.ssh.from === 'anywhere' ? '0.0.0.0/0' : toCidr32(choices.ssh.ip),
            volumeGiB: choices.volumeGiB,
            ...(saved.resources.sshKeyItemId ? { sshKeyItemId: saved.resources.sshKeyItemId } : {}),
          },
        );
        const { sshKeyItemId: _item, ...shown } = result;
        return shown;
      } catch (error) {
        if (signal.aborted) throw error;
        throw await toEc2Error(error, { sts: clients?.sts });
      }
    },
  });
}

export function staticIpOperation(deps: LaunchStepDeps) {
  return defineOperation({
    kind: 'static-ip.attach',
    step: 'static-ip',
    affects: { steps: ['domain', 'connect', 'web-server', 'app', 'https'], awsResources: true },
    async run(_input, { signal, progress }) {
      const setup = await deps.setup.get();
      let clients: SetupClients | undefined;
      try {
        clients = await clientsFor(deps.connection, setup);
        progress({ phase: 'ec2:phases.elasticIp', fraction: null });
        const instance = await findSetupInstance({ ec2: clients.ec2, signal }, setup.setupId);
        if (!instance?.InstanceId) throw new AppError('ec2.launchFirst', 'Launch the server first.');
        const name = setup.choices.launch?.name ?? 'onramp';
        const eip = await ensureElasticIp({ ec2: clients.ec2, signal }, setup.setupId, name, instance.InstanceId);
        await recordResources(deps.setup)({ allocationId: eip.allocationId, elasticIp: eip.publicIp, instanceId: instance.InstanceId });
        return { allocationId: eip.allocationId, publicIp: eip.publicIp };
      } catch (error) {
        if (signal.aborted) throw error;
        throw await toEc2Error(error, { sts: clients?.sts });
      }
    },
  });
}
