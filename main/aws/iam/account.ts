/**
 * Account-level facts for the Secure the account page: whether the root user
 * has MFA (GetAccountSummary AccountMFAEnabled) and the name the account is
 * known by (its alias, else its id) for the MFA device name.
 */
import { GetAccountSummaryCommand, ListAccountAliasesCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { AppError } from '../../../common/errors';
import { hasAwsCode, toIamError } from './iam-errors';

export type RootMfaStatus = { state: 'enabled' | 'disabled' } | { state: 'unknown'; error: AppError };

/** AccessDenied (an IAM user without iam:GetAccountSummary) is an answer, not a failure: the page explains it. */
export async function rootMfaStatus(iam: IAMClient, signal?: AbortSignal): Promise<RootMfaStatus> {
  try {
    const out = await iam.send(new GetAccountSummaryCommand({}), { abortSignal: signal });
    return { state: out.SummaryMap?.AccountMFAEnabled === 1 ? 'enabled' : 'disabled' };
  } catch (error) {
    const mapped = toIamError(error, 'iam:GetAccountSummary');
    if (mapped.code === 'iam.accessDenied') return { state: 'unknown', error: mapped };
    throw mapped;
  }
}

export async function accountLabel(iam: IAMClient, accountId: string, signal?: AbortSignal): Promise<string> {
  try {
    const out = await iam.send(new ListAccountAliasesCommand({}), { abortSignal: signal });
    return out.AccountAliases?.[0] ?? accountId;
  } catch (error) {
    if (hasAwsCode(error, 'AccessDenied')) return accountId;
    throw toIamError(error, 'iam:ListAccountAliases');
  }
}
