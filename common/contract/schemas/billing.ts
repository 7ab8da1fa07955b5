/** The account's plan (Free Tier API) and the cost guard (an AWS Budgets budget). Nothing here is secret. */
import { z } from 'zod';

const usd = z.number().nonnegative();

/**
 * `free`: on the Free plan (credits, a plan end date, only some types launch).
 * `paid`: on the paid plan. `unknown`: the plan could not be read — `denied`
 * when the credentials may not call the Free Tier API, `unavailable` otherwise.
 */
export const accountPlan = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('free'),
    status: z.enum(['active', 'expired', 'notStarted']),
    creditsUsd: usd.optional(),
    /** ISO date-time the plan ends (then the account closes unless upgraded). */
    endsAt: z.string().max(40).optional(),
  }),
  z.object({ state: z.literal('paid') }),
  z.object({ state: z.literal('unknown'), reason: z.enum(['denied', 'unavailable']) }),
]);
export type AccountPlan = z.infer<typeof accountPlan>;

/** The cost guard: a monthly COST budget with e-mail alerts at 80 % actual and 100 % forecast. */
export const costGuardInput = z
  .object({
    amountUsd: z.number().min(1).max(100_000),
    email: z.string().email().max(254),
  })
  .strict();
export const budgetView = z.object({
  name: z.string().max(100),
  amountUsd: usd,
  /** The e-mail addresses the alerts go to. */
  emails: z.array(z.string().max(254)),
});
export const costGuardResult = budgetView.extend({ created: z.boolean() });
/** `budget` is null when the setup has none. */
export const budgetStatusResponse = z.object({ budget: budgetView.nullable() });
