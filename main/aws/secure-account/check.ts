/**
 * Secure the account is done when, in AWS right now, the IAM user this setup
 * chose exists and carries this setup's tag, is in the chosen group, has an
 * MFA device, and (when console access was chosen) has a console password.
 * It reads reality only.
 */
import { hasLoginProfile } from '../iam/login-profile';
import { findUser, isInGroup, isTaggedFor } from '../iam/user';
import { mfaSerialOf } from '../iam/virtual-mfa';
import { awsOnly, type CheckResult, type StepDefinition } from '../../setup/step';
import { iamOf, liveConnection, type SecureAccountDeps } from './context';

export function secureAccountStep(deps: Pick<SecureAccountDeps, 'connection' | 'setup'>): StepDefinition {
  return {
    id: 'secure-account',
    appliesTo: awsOnly({ key: 'setup:skipped.secure-account' }),
    watch: (setup) => [setup.choices.iam, setup.choices.awsSource, setup.resources.mfaSerial, setup.resources.consoleLoginItemId],
    async check({ setup, signal }): Promise<CheckResult> {
      const chosen = setup.choices.iam;
      if (!chosen) return { done: false, detail: { key: 'iam:check.noUser' } };
      const { userName, groupName, consoleAccess } = chosen;
      const iam = iamOf(await liveConnection(deps));
      const user = await findUser(iam, userName, signal);
      if (!user || !isTaggedFor(user, setup.setupId)) return { done: false, detail: { key: 'iam:check.userMissing', values: { userName } } };
      if (!(await isInGroup(iam, userName, groupName, signal))) {
        return { done: false, detail: { key: 'iam:check.notInGroup', values: { userName, groupName } } };
      }
      if (consoleAccess && !(await hasLoginProfile(iam, userName, signal))) {
        return { done: false, detail: { key: 'iam:check.noLoginProfile', values: { userName } } };
      }
      if (!(await mfaSerialOf(iam, userName, signal))) return { done: false, detail: { key: 'iam:check.noMfa', values: { userName } } };
      return { done: true, detail: { key: 'iam:check.done', values: { userName } } };
    },
  };
}
