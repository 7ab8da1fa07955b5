/**
 * The account plan of a verified connection, read once and kept for a few
 * minutes: the launch form, its type list and Done all ask, and the answer
 * changes only when the user upgrades (a re-connect reads it again).
 */
import type { AccountPlan } from '../../../common/contract/schemas/billing';
import type { VerifiedConnection } from '../aws-connection';
import { readAccountPlan } from './account-plan';
import { FREE_TIER_REGION, FreeTierClient } from './free-tier-client';

const TTL_MS = 5 * 60_000;
/** An unknown plan (often a passing network problem) is asked again sooner. */
const UNKNOWN_TTL_MS = 30_000;
interface Entry {
  at: number;
  plan: Promise<AccountPlan>;
  unknown: boolean;
}
const cache = new WeakMap<VerifiedConnection, Entry>();

export function accountPlanOf(connection: VerifiedConnection, now: () => number = Date.now): Promise<AccountPlan> {
  const hit = cache.get(connection);
  if (hit && now() - hit.at < (hit.unknown ? UNKNOWN_TTL_MS : TTL_MS)) return hit.plan;
  // Never rejects (every failure is "unknown") and is bounded in time (readAccountPlan).
  const plan = readAccountPlan(connection.clients.get(FreeTierClient, FREE_TIER_REGION));
  const entry: Entry = { at: now(), plan, unknown: false };
  void plan.then((read) => {
    entry.unknown = read.state === 'unknown';
  });
  cache.set(connection, entry);
  return plan;
}
