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
import { setupLedger } from '../iam/ledger';
import { userTakenError } from '../iam/ownership';
import { addUserToGroup, ensureUser, findUser, isTaggedFor } from '../iam/user';
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
      const ledger = setupLedger(deps.setup);
      // Someone else's user of that name is refused before anything is made or remembered.
      const existing = await findUser(iam, userName, signal);
      if (existing && !isTaggedFor(existing, setupId)) throw await userTakenError(iam, userName, signal);
      await deps.setup.update((s) => ({ ...s, choices: { ...s.choices, iam: { userName, groupName, preset, consoleAccess } } }));

      progress({ phase: 'iam:phases.group', fraction: 0.1, message: { key: 'iam:progress.group', values: { groupName } } });
      const partition = partitionOf(callerArn);
      const group = await ensureGroup(iam, { groupName, preset: presetOf(preset, partition, setupId), partition, userName }, ledger, signal);

      const removed = group.removed.length > 0 ? { policiesRemoved: group.removed } : {};
      progress({ phase: 'iam:phases.user', fraction: 0.35, message: { key: 'iam:progress.user', values: { userName } } });
      const user = await ensureUser(iam, { userName, setupId }, ledger, signal);

      progress({ phase: 'iam:phases.membership', fraction: 0.55 });
      await addUserToGroup(iam, userName, groupName, signal);

      if (!consoleAccess) {
        progress({ phase: 'iam:phases.done', fraction: 1 });
        return { userArn: user.arn, userCreated: user.created, groupCreated: group.created, loginProfile: 'none' as const, ...removed };
      }

      progress({ phase: 'iam:phases.loginProfile', fraction: 0.75 });
      // The intent stays until the password is in the vault: a password an earlier run set and lost in a crash is reset, not reported.
      const lostInCrash = (await ledger.read()).loginProfilePending === true;
      await ledger.update((r) => ({ ...r, loginProfilePending: true }));
      const onExisting = lostInCrash && input.existingLoginProfile === 'ask' ? 'reset' : input.existingLoginProfile;
      const outcome = await ensureLoginProfile(iam, { userName, passwordResetRequired: input.passwordResetRequired, onExisting }, signal);
      if (outcome.status === 'created') await ledger.update((r) => ({ ...r, loginProfileCreated: true }));
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
        await deps.setup.update((s) => ({ ...s, resources: { ...s.resources, consoleLoginItemId: item.id, iam: { ...s.resources.iam, loginProfilePending: undefined } } }));
      } else {
        await ledger.update(({ loginProfilePending: _, ...r }) => r);
      }
      progress({ phase: 'iam:phases.done', fraction: 1 });
      return {
        userArn: user.arn,
        userCreated: user.created,
        groupCreated: group.created,
        ...removed,
        loginProfile: outcome.status,
        signInUrl,
        ...(consoleLoginItemId ? { consoleLoginItemId } : {}),
      };
    },
  });
}
