/**
 * AWS as a capability: the Connect AWS step (the chosen source verifies with
 * STS), its verify operation, and the `aws.*` handlers, over one connection.
 */
import type { Capability } from '../setup/capability';
import type { SetupStateStore } from '../setup/state-store';
import type { SecretStore } from '../vault/secret-store';
import { awsHandlers } from './aws-handlers';
import type { AwsConnection } from './aws-connection';
import { connectAwsStep, connectAwsVerifyOperation } from './connect-aws-step';

export function createAwsCapability(deps: { connection: AwsConnection; setup: SetupStateStore; secrets: SecretStore }) {
  return {
    steps: [connectAwsStep(deps.connection)],
    operations: [connectAwsVerifyOperation(deps.connection, deps.setup)],
    handlers: awsHandlers(deps),
    dispose: () => deps.connection.dispose(),
  } satisfies Capability;
}
