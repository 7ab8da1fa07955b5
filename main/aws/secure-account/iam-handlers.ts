/**
 * The `iam.*` channels: short calls the Secure the account page makes besides
 * its two operations (root MFA status, the virtual MFA enrollment, the
 * CloudShell command block). MFA: the QR image goes to the renderer for display
 * only; the Base32 key only when the user asks for it ("Can't scan it?").
 */
import type { HandlersFor } from '../../../common/contract/types';
import { accountLabel, rootMfaStatus } from '../iam/account';
import { cloudShellScript } from '../iam/cloudshell-script';
import { setupLedger, withItem } from '../iam/ledger';
import { chosenIamUser, iamOf, liveConnection, type SecureAccountDeps } from './context';

export function iamHandlers(deps: SecureAccountDeps): HandlersFor<'iam'> {
  const rememberSerial = (serialNumber: string) =>
    deps.setup.update((s) => ({ ...s, resources: { ...s.resources, mfaSerial: serialNumber } }));
  return {
    'iam.rootMfaStatus': async () => {
      const status = await rootMfaStatus(iamOf(await liveConnection(deps)));
      if (status.state !== 'unknown') return status;
      const { code, message, params } = status.error;
      return { state: 'unknown', error: { code, message, ...(params ? { params } : {}) } };
    },
    'iam.mfaBegin': async () => {
      const { userName } = await chosenIamUser(deps.setup);
      const live = await liveConnection(deps);
      const iam = iamOf(live);
      const label = await accountLabel(iam, live.identity.accountId);
      const result = await deps.mfa.begin(iam, { userName, accountLabel: label });
      if (result.status === 'already-enabled') await rememberSerial(result.serialNumber);
      // Made for the setup's user: recorded, so teardown deletes it even if it is never enabled.
      else await setupLedger(deps.setup).update((r) => ({ ...r, mfaSerials: withItem(r.mfaSerials, result.serialNumber).slice(-8) }));
      return result;
    },
    'iam.mfaRevealKey': ({ enrollmentId }) => ({ key: deps.mfa.revealKey(enrollmentId) }),
    'iam.mfaEnable': async ({ enrollmentId, code1, code2 }) => {
      const enabled = await deps.mfa.enable(enrollmentId, [code1, code2]);
      await rememberSerial(enabled.serialNumber);
      return enabled;
    },
    'iam.mfaCancel': async ({ enrollmentId }) => {
      await deps.mfa.cancel(enrollmentId);
      return { cancelled: true };
    },
    'iam.cloudShellScript': async ({ userName, groupName, preset }) => {
      const { setupId, resources } = await deps.setup.get();
      // The block makes the group only when none exists: a group of this name made after now is this setup's.
      if (resources.iam?.groupCreated !== groupName) {
        await setupLedger(deps.setup).update((r) => ({ ...r, pendingGroup: { name: groupName, at: Date.now() } }));
      }
      return { script: cloudShellScript({ userName, groupName, preset, setupId }) };
    },
  };
}
