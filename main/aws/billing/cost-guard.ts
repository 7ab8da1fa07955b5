/**
 * The cost guard: one AWS Budgets monthly COST budget per setup, named
 * `onramp-<setupId>` and tagged `onramp:setup=<setupId>`, with e-mail alerts
 * at 80 % of the amount (actual spend) and 100 % (forecast).
 *
 * Found by name before anything is made, so a rerun after a crash or a lost
 * answer continues from what exists and never makes a second budget (budget
 * names are unique per account: a repeated CreateBudget is DuplicateRecord).
 * A budget with our name but without our tag is not ours and is left alone.
 */
import {
  CreateBudgetCommand,
  CreateNotificationCommand,
  CreateSubscriberCommand,
  DeleteBudgetCommand,
  DescribeBudgetCommand,
  DescribeNotificationsForBudgetCommand,
  DescribeSubscribersForNotificationCommand,
  ListTagsForResourceCommand,
  UpdateBudgetCommand,
  type Budget,
  type BudgetsClient,
  type Notification,
} from '@aws-sdk/client-budgets';
import { AppError } from '../../../common/errors';
import { readErrorFacts } from '../error-facts';

/**
 * Exactly the IAM actions the cost guard needs (for the IAM policy presets):
 * ViewBudget for DescribeBudget / DescribeNotificationsForBudget /
 * DescribeSubscribersForNotification; ModifyBudget for CreateBudget,
 * UpdateBudget, CreateNotification, CreateSubscriber and DeleteBudget;
 * TagResource because CreateBudget carries ResourceTags; ListTagsForResource to
 * tell our budget from another with the same name.
 */
export const COST_GUARD_IAM_ACTIONS = ['budgets:ViewBudget', 'budgets:ModifyBudget', 'budgets:TagResource', 'budgets:ListTagsForResource'] as const;

/** The tag every resource of a setup carries (as EC2's and IAM's do). */
export const SETUP_TAG_KEY = 'onramp:setup';

/** Budgets is a global service signed in us-east-1. */
export const BUDGETS_REGION = 'us-east-1';

export const ALERTS: readonly Notification[] = [
  { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' },
  { NotificationType: 'FORECASTED', ComparisonOperator: 'GREATER_THAN', Threshold: 100, ThresholdType: 'PERCENTAGE' },
];

export interface BudgetView {
  name: string;
  amountUsd: number;
  emails: string[];
}

export interface CostGuardDeps {
  budgets: Pick<BudgetsClient, 'send'>;
  accountId: string;
  signal?: AbortSignal;
}

export function budgetName(setupId: string): string {
  return `onramp-${setupId}`;
}

function budgetArn(accountId: string, name: string): string {
  return `arn:aws:budgets::${accountId}:budget/${name}`;
}

const isNamed = (error: unknown, name: string) => readErrorFacts(error).name === name;

function sameAlert(a: Notification, b: Notification): boolean {
  return a.NotificationType === b.NotificationType && a.ComparisonOperator === b.ComparisonOperator && Number(a.Threshold) === Number(b.Threshold) && (a.ThresholdType ?? 'PERCENTAGE') === b.ThresholdType;
}

async function describe(deps: CostGuardDeps, name: string): Promise<Budget | undefined> {
  try {
    const out = await deps.budgets.send(new DescribeBudgetCommand({ AccountId: deps.accountId, BudgetName: name }), { abortSignal: deps.signal });
    return out.Budget;
  } catch (error) {
    if (isNamed(error, 'NotFoundException')) return undefined;
    throw error;
  }
}

async function assertOurs(deps: CostGuardDeps, name: string, setupId: string): Promise<void> {
  const out = await deps.budgets.send(new ListTagsForResourceCommand({ ResourceARN: budgetArn(deps.accountId, name) }), { abortSignal: deps.signal });
  const ours = (out.ResourceTags ?? []).some((t) => t.Key === SETUP_TAG_KEY && t.Value === setupId);
  if (!ours) throw new AppError('ec2.budgetNotOurs', `A budget named ${name} exists without this setup's tag`, { name });
}

async function alertEmails(deps: CostGuardDeps, name: string): Promise<string[]> {
  const out = await deps.budgets.send(new DescribeNotificationsForBudgetCommand({ AccountId: deps.accountId, BudgetName: name }), { abortSignal: deps.signal });
  const emails = new Set<string>();
  for (const notification of out.Notifications ?? []) {
    if (!ALERTS.some((a) => sameAlert(a, notification))) continue;
    const subs = await deps.budgets.send(new DescribeSubscribersForNotificationCommand({ AccountId: deps.accountId, BudgetName: name, Notification: notification }), { abortSignal: deps.signal });
    for (const s of subs.Subscribers ?? []) if (s.SubscriptionType === 'EMAIL' && s.Address) emails.add(s.Address);
  }
  return [...emails].sort();
}

/** The setup's budget as it is in AWS, or null when there is none. */
export async function findBudget(deps: CostGuardDeps, setupId: string): Promise<BudgetView | null> {
  const name = budgetName(setupId);
  const budget = await describe(deps, name);
  if (!budget) return null;
  await assertOurs(deps, name, setupId);
  return { name, amountUsd: Number(budget.BudgetLimit?.Amount ?? 0), emails: await alertEmails(deps, name) };
}

/** Makes (or continues making) the setup's budget at `amountUsd` with both alerts to `email`. */
export async function ensureBudget(deps: CostGuardDeps, request: { setupId: string; amountUsd: number; email: string }): Promise<BudgetView & { created: boolean }> {
  const name = budgetName(request.setupId);
  const limit = { Amount: request.amountUsd.toFixed(2), Unit: 'USD' };
  const subscriber = { SubscriptionType: 'EMAIL' as const, Address: request.email };
  const opts = { abortSignal: deps.signal };
  let existing = await describe(deps, name);
  let created = false;
  if (!existing) {
    try {
      await deps.budgets.send(
        new CreateBudgetCommand({
          AccountId: deps.accountId,
          Budget: { BudgetName: name, BudgetLimit: limit, TimeUnit: 'MONTHLY', BudgetType: 'COST' },
          NotificationsWithSubscribers: ALERTS.map((Notification) => ({ Notification, Subscribers: [subscriber] })),
          ResourceTags: [
            { Key: SETUP_TAG_KEY, Value: request.setupId },
            { Key: 'Name', Value: name },
          ],
        }),
        opts,
      );
      created = true;
    } catch (error) {
      // A lost answer: the first CreateBudget did make it. Continue from what exists.
      if (!isNamed(error, 'DuplicateRecordException')) throw error;
    }
    existing = await describe(deps, name);
    if (!existing) throw new AppError('aws.invalidResponse', 'The budget was created but cannot be read back', { awsCode: 'DescribeBudget' });
  }
  await assertOurs(deps, name, request.setupId);

  if (Number(existing.BudgetLimit?.Amount) !== request.amountUsd) {
    await deps.budgets.send(
      new UpdateBudgetCommand({ AccountId: deps.accountId, NewBudget: { BudgetName: name, BudgetLimit: limit, TimeUnit: existing.TimeUnit ?? 'MONTHLY', BudgetType: existing.BudgetType ?? 'COST' } }),
      opts,
    );
  }

  const present = (await deps.budgets.send(new DescribeNotificationsForBudgetCommand({ AccountId: deps.accountId, BudgetName: name }), opts)).Notifications ?? [];
  for (const alert of ALERTS) {
    const found = present.find((n) => sameAlert(alert, n));
    try {
      if (found) await deps.budgets.send(new CreateSubscriberCommand({ AccountId: deps.accountId, BudgetName: name, Notification: found, Subscriber: subscriber }), opts);
      else await deps.budgets.send(new CreateNotificationCommand({ AccountId: deps.accountId, BudgetName: name, Notification: alert, Subscribers: [subscriber] }), opts);
    } catch (error) {
      if (!isNamed(error, 'DuplicateRecordException')) throw error;
    }
  }
  return { name, amountUsd: request.amountUsd, emails: await alertEmails(deps, name), created };
}

/** Deletes the setup's budget; false when there was none. */
export async function deleteBudget(deps: CostGuardDeps, setupId: string): Promise<boolean> {
  const name = budgetName(setupId);
  if (!(await describe(deps, name))) return false;
  await assertOurs(deps, name, setupId);
  try {
    await deps.budgets.send(new DeleteBudgetCommand({ AccountId: deps.accountId, BudgetName: name }), { abortSignal: deps.signal });
    return true;
  } catch (error) {
    if (isNamed(error, 'NotFoundException')) return false;
    throw error;
  }
}
