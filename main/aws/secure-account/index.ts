/**
 * The Secure the account step: its check, its two operations and
 * its `iam.*` handlers, built from one set of deps by the composition root.
 */
import { MfaEnrollments } from '../iam/virtual-mfa';
import { secureAccountStep } from './check';
import type { SecureAccountDeps } from './context';
import { createAccessKeyOperation } from './create-access-key';
import { createUserOperation } from './create-user';
import { iamHandlers } from './iam-handlers';

export function createSecureAccount(deps: Omit<SecureAccountDeps, 'mfa'> & { mfa?: MfaEnrollments }) {
  const full: SecureAccountDeps = { ...deps, mfa: deps.mfa ?? new MfaEnrollments() };
  return {
    steps: [secureAccountStep(full)] as const,
    operations: [createUserOperation(full), createAccessKeyOperation(full)] as const,
    handlers: iamHandlers(full),
    /** Deletes any unassigned MFA device still waiting for codes and wipes its seed (app quit). */
    dispose: () => full.mfa.cancelAll(),
  };
}
