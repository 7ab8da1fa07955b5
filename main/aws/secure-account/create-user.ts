/**
 * `secure-account.createUser`: the group with its policy preset, the user
 * tagged for this setup, its membership, and (with console access) a console
 * password stored in the vault as a console-login item. Each call is
 * idempotent, so running it again after a crash continues from what exists.
 */
import { defineOperation } from '../../setup/operation';
import { ensureGroup } from '../iam/group';
import { consoleSignInUrl, ensureLoginProfile } from '../iam/login-profile';
import { partitionOf, presetOf } from '../iam/policy-presets';
import { addUserToGroup, ensureUser } from '../iam/user';
import { iamOf, liveConnection, type SecureAccountDeps } from './context';
import { itemNamesIn } from '../../ui-language';

export function createUserOperation(deps: SecureAccountDeps) {
  return defineOperation({
    kind: 'secure-account.createUser',
    step: 'secure-account',
    async run(input, { signal, progress }) {
      const live = await liveConnection(deps);
      const iam = iamOf(live);
      const { accountId, arn: callerArn } = live.identity;
      const { setupId } = await deps.setup.get();
      const { userName, groupName, preset, consoleAccess } = input;
      await deps.setup.update((s) => ({ ...s, choices: { ...s.choices, iam: { userName, groupName, preset, consoleAccess } } }));

      progress({ phase: 'iam:phases.group', fraction: 0.1, message: { key: 'iam:progress.group', values: { groupName } } });
      const group = await ensureGroup(iam, { groupName, preset: presetOf(preset, partitionOf(callerArn)), partition: partitionOf(callerArn) }, signal);

      progress({ phase: 'iam:phases.user', fraction: 0.35, message: { key: 'iam:progress.user', values: { userName } } });
      const user = await ensureUser(iam, { userName, setupId }, signal);

      progress({ phase: 'iam:phases.membership', fraction: 0.55 });
      await addUserToGroup(iam, userName, groupName, signal);

      if (!consoleAccess) {
        progress({ phase: 'iam:phases.done', fraction: 1 });
        return { userArn: user.arn, userCreated: user.created, groupCreated: group.created, loginProfile: 'none' as const };
      }

      progress({ phase: 'iam:phases.loginProfile', fraction: 0.75 });
      const outcome = await ensureLoginProfile(
        iam,
        { userName, passwordResetRequired: input.passwordResetRequired, onExisting: input.existingLoginProfile },
        signal,
      );
      const signInUrl = consoleSignInUrl(accountId);
      let consoleLoginItemId = (await deps.setup.get()).resources.consoleLoginItemId;
      if (outcome.status === 'created' || outcome.status === 'reset') {
        progress({ phase: 'iam:phases.vault', fraction: 0.9 });
        // The old password no longer works after a reset; the vault keeps one sign-in per user and URL.
        if (consoleLoginItemId && deps.secrets.find(consoleLoginItemId)) await deps.secrets.remove(consoleLoginItemId);
        const item = await deps.secrets.add(
          'console-login',
          { userName, password: outcome.password, signInUrl },
          { label: itemNamesIn(deps.itemLanguage?.()).consoleLogin(userName, accountId), ...(/^\d{12}$/.test(accountId) ? { accountId } : {}) },
        );
        consoleLoginItemId = item.id;
        await deps.setup.update((s) => ({ ...s, resources: { ...s.resources, consoleLoginItemId: item.id } }));
      }
      progress({ phase: 'iam:phases.done', fraction: 1 });
      return {
        userArn: user.arn,
        userCreated: user.created,
        groupCreated: group.created,
        loginProfile: outcome.status,
        signInUrl,
        ...(consoleLoginItemId ? { consoleLoginItemId } : {}),
      };
    },
  });
}
