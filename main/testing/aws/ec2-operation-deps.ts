/**
 * The EC2 capability's operations (launch, attach, teardown) outside the composition: a setup held in memory, the
 * vault in memory, and a connection whose clients are the test's own (attached to an Ec2World). What survives a
 * "crash" here is what survives one in the app: the setup, the vault and AWS.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { LaunchChoices } from '../../../common/contract/schemas/ec2';
import type { SetupState } from '../../../common/contract/schemas/setup';
import type { TeardownDeps } from '../../aws/ec2/teardown-operation';
import type { OperationContext } from '../../setup/operation';
import { memoryKeyVault, type MemoryKeyVault } from './memory-key-vault';

export const REGION = 'ap-northeast-2';

export const launchChoices: LaunchChoices = {
  name: 'blog',
  ubuntu: '24.04',
  instanceType: 't3.micro',
  keyPair: { name: 'blog-key', type: 'ed25519', format: 'pem' },
  ssh: { from: 'myIp', ip: '198.51.100.7' },
  volumeGiB: 16,
};

export interface OperationDeps extends TeardownDeps {
  vault: MemoryKeyVault;
  state(): SetupState;
}

export function operationDeps(ec2: EC2Client, ssm: SSMClient): OperationDeps {
  let state: SetupState = {
    version: 1,
    setupId: 'setup-ops',
    currentPage: 'launch-server',
    completed: [],
    choices: { awsSource: { kind: 'default' }, region: REGION },
    resources: {},
  };
  const sts = new STSClient({ region: REGION });
  const clients = { get: (cls: unknown) => (cls === EC2Client ? ec2 : cls === SSMClient ? ssm : sts) };
  const verified = { clients } as never;
  return {
    state: () => state,
    vault: memoryKeyVault(),
    setup: {
      get: async () => state,
      update: async (change) => (state = change(structuredClone(state))),
    },
    connection: { currentFor: () => verified, connect: async () => verified },
  };
}

export function context(signal: AbortSignal = new AbortController().signal): OperationContext {
  return { signal, progress: () => undefined };
}
