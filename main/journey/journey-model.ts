/**
 * Builds the journey model (common/contract/schemas/journey.ts) from what main
 * knows: the setup state, the step statuses, the operations, the vault's item
 * list and the AWS resources as last read. Pure: the service (./journey-service.ts)
 * gathers the inputs and numbers the results.
 */
import type { AwsResourcesView, JourneyModel, ServerResources, SetupVaultItem } from '../../common/contract/schemas/journey';
import type { OpSnapshot, StepStatus } from '../../common/contract/schemas/operations';
import type { SetupState, StepId } from '../../common/contract/schemas/setup';
import type { SetupsView } from '../../common/contract/schemas/setups';
import { deriveFacts } from './derive';

/** What the model needs of a vault item: its id, for an SSH key the key pair it was made as, for app settings their setup. */
export interface VaultItemRef {
  id: string;
  kind: string;
  label?: string;
  awsKeyPairName?: string;
  region?: string;
  setupId?: string;
}

export interface JourneyInputs {
  setup: SetupState;
  steps: StepStatus[];
  operations: OpSnapshot[];
  /** undefined while the vault is locked or not set up: no item can be called missing then. */
  vaultItems: readonly VaultItemRef[] | undefined;
  aws: AwsResourcesView;
  setups: SetupsView;
  /** The steps each operation kind takes down (OperationEffects.undoes), for the stale results. */
  undoesOf?(kind: string): readonly StepId[];
}

export function buildJourneyModel(inputs: JourneyInputs): JourneyModel {
  const { setup } = inputs;
  const vaultItems = setupVaultItems(inputs);
  const notices: JourneyModel['notices'] = [];
  const source = vaultItems.find((item) => item.role === 'aws-source');
  if (source?.missing) notices.push({ code: 'journey.awsSourceMissing', message: { key: 'journey:notices.awsSourceMissing' } });
  const serverKey = vaultItems.find((item) => item.role === 'server-key');
  if (serverKey?.missing) notices.push({ code: 'journey.serverKeyMissing', message: { key: 'journey:notices.serverKeyMissing', values: { keyPair: serverKey.belongsTo } } });
  const userName = setup.choices.iam?.userName;
  const userGone = vaultItems.some((item) => (item.role === 'console-login' || item.role === 'iam-access-key') && item.gone) || userMissing(inputs.steps);
  if (userName && userGone && setup.choices.awsIdentity?.arn.endsWith(`:user/${userName}`)) {
    notices.push({ code: 'journey.runsAsDeletedUser', message: { key: 'journey:notices.runsAsDeletedUser', values: { userName } } });
  }
  return {
    setupId: setup.setupId,
    setup,
    derived: deriveFacts(setup),
    resources: { aws: inputs.aws, ...serverResourcesOf(setup, inputs.aws) },
    vaultItems,
    steps: inputs.steps,
    operations: inputs.operations,
    staleOperations: staleOperations(inputs.operations, inputs.undoesOf ?? (() => [])),
    notices,
    setups: inputs.setups,
  };
}

/** The vault items the setup made or points at, each with what it belongs to and whether that still exists. */
export function setupVaultItems({ setup, vaultItems, aws, steps }: JourneyInputs): SetupVaultItem[] {
  const byId = vaultItems ? new Map(vaultItems.map((item) => [item.id, item])) : undefined;
  const missing = (id: string) => byId !== undefined && !byId.has(id);
  const label = (id: string) => byId?.get(id)?.label ?? '';
  const pushed: Omit<SetupVaultItem, 'label'>[] = [];
  const items = { push: (item: Omit<SetupVaultItem, 'label'>) => pushed.push(item) };
  const { resources, choices } = setup;
  if (resources.sshKeyItemId) {
    const keyPair = resources.keyPairName ?? '';
    const found = aws.state === 'read' ? aws.found : undefined;
    const gone = found !== undefined && keyPair !== '' && !found.keyPairs.some((k) => k.keyName === keyPair);
    items.push({ itemId: resources.sshKeyItemId, role: 'server-key', belongsTo: keyPair, missing: missing(resources.sshKeyItemId), gone });
  }
  const userGone = userMissing(steps);
  const userName = choices.iam?.userName ?? '';
  if (resources.consoleLoginItemId) {
    items.push({ itemId: resources.consoleLoginItemId, role: 'console-login', belongsTo: userName, missing: missing(resources.consoleLoginItemId), gone: userGone });
  }
  if (resources.iamAccessKeyItemId) {
    items.push({ itemId: resources.iamAccessKeyItemId, role: 'iam-access-key', belongsTo: userName, missing: missing(resources.iamAccessKeyItemId), gone: userGone });
  }
  if (choices.awsSource?.kind === 'vault') {
    const itemId = choices.awsSource.itemId;
    const ownKey = itemId === resources.iamAccessKeyItemId;
    items.push({ itemId, role: 'aws-source', belongsTo: ownKey ? userName : '', missing: missing(itemId), gone: ownKey && userGone });
  }
  if (choices.ownServer) {
    items.push({ itemId: choices.ownServer.keyId, role: 'own-server-key', belongsTo: choices.ownServer.host, missing: missing(choices.ownServer.keyId), gone: false });
  }
  // The app's settings name their setup themselves (the App step finds them by it); listed while the vault is open.
  for (const item of vaultItems ?? []) {
    if (item.kind === 'app-settings' && item.setupId === setup.setupId) {
      items.push({ itemId: item.id, role: 'app-settings', belongsTo: setup.setupId, missing: false, gone: false });
    }
  }
  return pushed.map((item) => ({ ...item, label: label(item.itemId) }));
}

/**
 * The setup's server as the pages show it: as AWS last answered (a live
 * instance, the setup's Elastic IP); the recorded ids only while AWS has not
 * been read; nothing when the last read failed (the pages show that error).
 */
export function serverResourcesOf(setup: SetupState, aws: AwsResourcesView): { server?: ServerResources } {
  if (aws.found) {
    const instance = aws.found.instances.find((i) => i.state !== 'terminated' && i.state !== 'shutting-down');
    const address = aws.found.addresses[0];
    if (!instance && !address) return {};
    return {
      server: {
        from: 'aws',
        ...(instance ? { instanceId: instance.instanceId, instanceState: instance.state, ...(instance.instanceType ? { instanceType: instance.instanceType } : {}) } : {}),
        ...(address ? { elasticIp: address.publicIp, allocationId: address.allocationId } : {}),
        attached: address?.associated ?? false,
      },
    };
  }
  if (aws.state === 'error') return {};
  const { instanceId, elasticIp, allocationId } = setup.resources;
  if (!instanceId && !elasticIp) return {};
  return {
    server: {
      from: 'recorded',
      ...(instanceId ? { instanceId } : {}),
      ...(elasticIp ? { elasticIp } : {}),
      ...(allocationId ? { allocationId } : {}),
      attached: Boolean(instanceId && elasticIp),
    },
  };
}

/** Finished operations a later one took down (its `undoes` names their step): their results are history. */
export function staleOperations(operations: readonly OpSnapshot[], undoesOf: (kind: string) => readonly StepId[]): string[] {
  const finished = operations.flatMap((o) => (o.finished ? [o.finished] : []));
  return finished
    .filter((a) => a.step !== undefined && finished.some((b) => b.kind !== a.kind && b.finishedAt >= a.finishedAt && b.outcome.status === 'succeeded' && a.step !== undefined && undoesOf(b.kind).includes(a.step)))
    .map((a) => a.opId);
}

/** The Secure account check found the setup's IAM user gone. */
function userMissing(steps: readonly StepStatus[]): boolean {
  return steps.some((s) => s.step === 'secure-account' && s.state === 'not-done' && s.detail?.key === 'iam:check.userMissing');
}
