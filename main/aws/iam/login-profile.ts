/**
 * The user's console password (login profile). A user has at most one, so an
 * existing one is never overwritten silently: with `onExisting: 'ask'` Onramp
 * reports it and lets the user choose to keep it or reset the password
 * (UpdateLoginProfile with a new generated one).
 */
import {
  CreateLoginProfileCommand,
  GetLoginProfileCommand,
  UpdateLoginProfileCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';

import { hasAwsCode, toIamError } from './iam-errors';
import { generatePassword, readPasswordRules } from './password';

export type ExistingLoginProfileChoice = 'ask' | 'keep' | 'reset';
export type LoginProfileOutcome =
  | { status: 'created' | 'reset'; password: string }
  | { status: 'kept' | 'exists' };

export async function hasLoginProfile(iam: IAMClient, userName: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await iam.send(new GetLoginProfileCommand({ UserName: userName }), { abortSignal: signal });
    return true;
  } catch (error) {
    if (hasAwsCode(error, 'NoSuchEntity')) return false;
    throw toIamError(error, 'iam:GetLoginProfile');
  }
}

export async function ensureLoginProfile(
  iam: IAMClient,
  options: { userName: string; passwordResetRequired: boolean; onExisting: ExistingLoginProfileChoice },
  signal?: AbortSignal,
): Promise<LoginProfileOutcome> {
  const { userName, passwordResetRequired, onExisting } = options;
  const exists = await hasLoginProfile(iam, userName, signal);
  if (exists && onExisting === 'keep') return { status: 'kept' };
  if (exists && onExisting === 'ask') return { status: 'exists' };
  const password = generatePassword(await readPasswordRules(iam, signal));
  if (exists) {
    try {
      await iam.send(new UpdateLoginProfileCommand({ UserName: userName, Password: password, PasswordResetRequired: passwordResetRequired }), {
        abortSignal: signal,
      });
    } catch (error) {
      throw toIamError(error, 'iam:UpdateLoginProfile');
    }
    return { status: 'reset', password };
  }
  try {
    await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: password, PasswordResetRequired: passwordResetRequired }), {
      abortSignal: signal,
    });
  } catch (error) {
    // Made by a run that crashed before it stored the password: report it so the user chooses.
    if (hasAwsCode(error, 'EntityAlreadyExists')) return onExisting === 'keep' ? { status: 'kept' } : { status: 'exists' };
    throw toIamError(error, 'iam:CreateLoginProfile');
  }
  return { status: 'created', password };
}

export function consoleSignInUrl(accountId: string): string {
  return `https://${accountId}.signin.aws.amazon.com/console`;
}
