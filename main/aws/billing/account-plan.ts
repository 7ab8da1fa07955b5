/**
 * The account's plan, read with the Free Tier API where the credentials may
 * call it. Accounts created on or after 2025-07-15 start on the Free plan:
 * credits instead of free months, the plan ends after six months or when the
 * credits run out (and the account closes unless upgraded), and only a few
 * instance types launch. Anything that stops the read (no permission, an
 * endpoint without the API, the network) makes the plan "unknown", never a guess.
 */
import type { AccountPlan } from '../../../common/contract/schemas/billing';
import { readErrorFacts } from '../error-facts';
import { GetAccountPlanStateCommand, type GetAccountPlanStateOutput } from './free-tier-client';

export { FREE_PLAN_TYPES, UPGRADE_PLAN_URL } from '../../../common/cost/free-plan';

/** The IAM action the plan read needs (for the IAM policy presets); without it the plan is "unknown". */
export const ACCOUNT_PLAN_IAM_ACTIONS = ['freetier:GetAccountPlanState'] as const;

/** Codes meaning "these credentials may not call it". */
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnrecognizedClientException', 'Http403']);

export interface PlanReader {
  send(command: GetAccountPlanStateCommand, options?: { abortSignal?: AbortSignal }): Promise<GetAccountPlanStateOutput>;
}

/** The whole read is bounded: a slow or silent endpoint makes the plan "unknown", never a stuck page. */
export const PLAN_READ_TIMEOUT_MS = 15_000;

export async function readAccountPlan(client: PlanReader, signal?: AbortSignal, timeoutMs = PLAN_READ_TIMEOUT_MS): Promise<AccountPlan> {
  const bounded = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])]);
  let out: GetAccountPlanStateOutput;
  try {
    out = await client.send(new GetAccountPlanStateCommand(), { abortSignal: bounded });
  } catch (error) {
    if (signal?.aborted) throw error;
    const facts = readErrorFacts(error);
    const denied = DENIED.has(facts.name) || facts.httpStatus === 403;
    return { state: 'unknown', reason: denied ? 'denied' : 'unavailable' };
  }
  return toPlan(out);
}

export function toPlan(out: GetAccountPlanStateOutput): AccountPlan {
  if (out.accountPlanType === 'PAID') return { state: 'paid' };
  if (out.accountPlanType !== 'FREE') return { state: 'unknown', reason: 'unavailable' };
  const status = out.accountPlanStatus === 'EXPIRED' ? 'expired' : out.accountPlanStatus === 'NOT_STARTED' ? 'notStarted' : 'active';
  const credits = out.accountPlanRemainingCredits;
  return {
    state: 'free',
    status,
    ...(credits?.amount !== undefined && (credits.unit ?? 'USD') === 'USD' ? { creditsUsd: Math.max(0, Math.round(credits.amount * 100) / 100) } : {}),
    ...(out.accountPlanExpirationDate ? { endsAt: out.accountPlanExpirationDate.toISOString() } : {}),
  };
}
