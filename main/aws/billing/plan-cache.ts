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
const cache = new WeakMap<VerifiedConnection, { at: number; plan: Promise<AccountPlan> }>();

export function accountPlanOf(connection: VerifiedConnection, now: () => number = Date.now): Promise<AccountPlan> {
  const hit = cache.get(connection);
  if (hit && now() - hit.at < TTL_MS) return hit.plan;
  // Never rejects (every failure is "unknown"); the client's own timeouts bound it.
  const plan = readAccountPlan(connection.clients.get(FreeTierClient, FREE_TIER_REGION));
  cache.set(connection, { at: now(), plan });
  return plan;
}
