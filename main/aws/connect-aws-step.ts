/**
 * Connect AWS as a step: done when the chosen credential source, in the chosen
 * region, still verifies with STS (one GetCallerIdentity call). The
 * `connect-aws.verify` operation does the same on request, with progress.
 */
import type { SetupState } from '../../common/contract/schemas/setup';
import { defineOperation } from '../setup/operation';
import { awsOnly, type CheckResult, type StepDefinition } from '../setup/step';
import type { SetupStateStore } from '../setup/state-store';
import { AppError } from '../../common/errors';
import type { AwsConnection, VerifiedConnection } from './aws-connection';
import { verifyIdentity } from './identity';

type Connector = Pick<AwsConnection, 'connect' | 'currentFor'>;

/**
 * Asks STS again. When the live connection already uses the chosen source and
 * region, its clients are reused (a running operation may be using them:
 * replacing the connection would destroy them under it).
 */
async function verifyChosen(connection: Connector, setup: SetupState): Promise<VerifiedConnection | 'noSource' | 'noRegion'> {
  const { awsSource, region } = setup.choices;
  if (!awsSource) return 'noSource';
  if (!region) return 'noRegion';
  const live = connection.currentFor(awsSource, region);
  if (live) {
    return { ...live, identity: await verifyIdentity(live.clients) };
  }
  return connection.connect(awsSource, region);
}

export function connectAwsStep(connection: Connector): StepDefinition {
  return {
    id: 'connect-aws',
    appliesTo: awsOnly({ key: 'setup:skipped.connect-aws' }),
    watch: (setup) => [setup.choices.awsSource, setup.choices.region],
    async check({ setup }): Promise<CheckResult> {
      const verified = await verifyChosen(connection, setup);
      if (verified === 'noSource') return { done: false, detail: { key: 'aws:check.noSource' } };
      if (verified === 'noRegion') return { done: false, detail: { key: 'aws:check.noRegion' } };
      return { done: true, detail: { key: 'aws:check.signedIn', values: { arn: verified.identity.arn, region: verified.region } } };
    },
  };
}

export function connectAwsVerifyOperation(connection: Connector, store: Pick<SetupStateStore, 'get'>) {
  return defineOperation({
    kind: 'connect-aws.verify',
    step: 'connect-aws',
    affects: { steps: ['secure-account', 'launch-server', 'static-ip'], awsResources: true },
    async run(_input, { progress }) {
      progress({ phase: 'aws:phases.verifying', fraction: null });
      const verified = await verifyChosen(connection, await store.get());
      if (verified === 'noSource') throw new AppError('setup.awsSourceNotChosen', 'Choose where the AWS credentials come from first.');
      if (verified === 'noRegion') throw new AppError('setup.regionNotChosen', 'Choose a region first.');
      progress({ phase: 'aws:phases.verified', fraction: 1 });
      const { accountId, arn, isRoot } = verified.identity;
      return { accountId, arn, isRoot, region: verified.region };
    },
  });
}
