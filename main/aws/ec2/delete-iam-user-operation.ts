/**
 * `done.deleteIamUser`: the optional last part of the teardown. The setup's
 * IAM user cannot delete itself with its least-privilege key, so this runs
 * with the credentials that created it (a vault access key or a profile),
 * in clients made just for it; the session's connection is left alone.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { AppError } from '../../../common/errors';
import { defineOperation } from '../../setup/operation';
import type { SetupStateStore } from '../../setup/state-store';
import type { AwsConnection } from '../aws-connection';
import { readErrorFacts } from '../error-facts';
import { deleteSetupUser, IAM_TEARDOWN_PARTS } from '../iam/delete-user';
import { toIamError } from '../iam/iam-errors';
import { setupLedger } from '../iam/ledger';
import { toContractError } from '../../setup/contract-error';

export interface DeleteIamUserDeps {
  connection: Pick<AwsConnection, 'withClients'>;
  setup: Pick<SetupStateStore, 'get' | 'update'>;
}

export function deleteIamUserOperation(deps: DeleteIamUserDeps) {
  return defineOperation({
    kind: 'done.deleteIamUser',
    // The app may have been running as that user: its own connection is checked again too.
    affects: { steps: ['secure-account', 'connect-aws', 'launch-server', 'static-ip'], awsResources: true, undoes: ['secure-account'] },
    async run({ source }, { signal, progress }) {
      const setup = await deps.setup.get();
      const iamChoices = setup.choices.iam;
      if (!iamChoices) throw new AppError('ec2.noIamUser', 'This setup made no IAM user.');
      const region = setup.choices.region ?? 'us-east-1';
      const result = await deps.connection
        .withClients(source, region, (clients) =>
          deleteSetupUser(
            {
              iam: clients.get(IAMClient),
              owned: setup.resources.iam ?? {},
              signal,
              onPart: (part) => progress({ phase: `ec2:teardown.iam.${part}`, fraction: IAM_TEARDOWN_PARTS.indexOf(part) / IAM_TEARDOWN_PARTS.length }),
            },
            { userName: iamChoices.userName, groupName: iamChoices.groupName, setupId: setup.setupId },
          ),
        )
        .catch((error: unknown) => {
          if (signal.aborted) throw error;
          throw toIamError(error, 'iam:GetUser');
        });
      // The app ran as that user (its own key was the AWS source): go back to the credentials that made it.
      let sourceRestored = false;
      if (result.userDeleted) {
        await deps.setup.update((s) => {
          // Its MFA device went with it.
          const { mfaSerial: _mfa, ...resources } = s.resources;
          const ownKey = s.resources.iamAccessKeyItemId;
          const ranAsUser = s.choices.awsSource?.kind === 'vault' && ownKey !== undefined && s.choices.awsSource.itemId === ownKey;
          if (!ranAsUser) return { ...s, resources };
          sourceRestored = true;
          const { awsIdentity: _identity, ...choices } = s.choices;
          return { ...s, choices: { ...choices, awsSource: source }, resources };
        });
      }
      // Forget what is gone, so the record lists only what still exists.
      await setupLedger(deps.setup).update((owned) => ({
        ...owned,
        ...(result.userDeleted
          ? { userCreated: undefined, loginProfileCreated: undefined, mfaSerials: undefined, accessKeyIds: undefined, pendingAccessKey: undefined }
          : {}),
        ...(result.groupDeleted && !result.groupNotOurs
          ? { groupCreated: undefined, pendingGroup: undefined, attachedPolicyArns: undefined, inlinePolicyNames: undefined }
          : {}),
      }));
      return {
        userName: iamChoices.userName,
        userDeleted: result.userDeleted,
        sourceRestored,
        groupDeleted: result.groupDeleted,
        ...(result.groupKeptFor !== undefined ? { groupKeptFor: result.groupKeptFor } : {}),
        ...(result.groupNotOurs ? { groupNotOurs: true } : {}),
        failures: result.failures.map((f) => {
          const explained = toIamError(f.error, `iam:${f.part}`);
          return { part: f.part, id: f.id, code: explained.code || readErrorFacts(f.error).name, error: toContractError(explained, 'ec2.deleteIamUser') };
        }),
      };
    },
  });
}
