/**
 * The cost guard against the stateful Budgets world: made once with both
 * alerts and the setup tag, found again by name, continued after a crash or a
 * lost answer without a second budget, and deleted only when it is ours.
 */
import { BudgetsClient } from '@aws-sdk/client-budgets';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BudgetsWorld } from '../../testing/aws/budgets-world';
import { SimulatedCrash } from '../../testing/aws/ec2-world';
import { ALERTS, budgetName, COST_GUARD_IAM_ACTIONS, deleteBudget, ensureBudget, findBudget, type CostGuardDeps } from './cost-guard';

const SETUP = '7d0c1f0e-1111-4222-8333-944445555666';
const client = new BudgetsClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'x'.repeat(40) } });
let world: BudgetsWorld;
let restore: () => void;
let deps: CostGuardDeps;

beforeEach(() => {
  world = new BudgetsWorld();
  restore = world.attach(client);
  deps = { budgets: client, accountId: world.accountId };
});
afterEach(() => restore());

const request = { setupId: SETUP, amountUsd: 10, email: 'me@example.com' };

describe('cost guard', () => {
  it('makes a monthly COST budget named for the setup, tagged, with alerts at 80 % actual and 100 % forecast', async () => {
    const made = await ensureBudget(deps, request);
    expect(made).toEqual({ name: `onramp-${SETUP}`, amountUsd: 10, emails: ['me@example.com'], created: true });
    const stored = world.budgets.get(budgetName(SETUP));
    expect(stored?.budget).toMatchObject({ BudgetLimit: { Amount: '10.00', Unit: 'USD' }, TimeUnit: 'MONTHLY', BudgetType: 'COST' });
    expect(stored?.tags).toContainEqual({ Key: 'onramp:setup', Value: SETUP });
    expect(stored?.notifications.map((n) => [n.notification.NotificationType, n.notification.Threshold, n.subscribers[0]?.Address])).toEqual([
      ['ACTUAL', 80, 'me@example.com'],
      ['FORECASTED', 100, 'me@example.com'],
    ]);
    expect(await findBudget(deps, SETUP)).toEqual({ name: `onramp-${SETUP}`, amountUsd: 10, emails: ['me@example.com'] });
  });

  it('run again, finds it by name and changes only the amount', async () => {
    await ensureBudget(deps, request);
    const again = await ensureBudget(deps, { ...request, amountUsd: 25 });
    expect(again).toMatchObject({ created: false, amountUsd: 25, emails: ['me@example.com'] });
    expect(world.budgets.size).toBe(1);
    expect(world.calls.filter((c) => c === 'CreateBudget')).toHaveLength(1);
    expect(world.budgets.get(budgetName(SETUP))?.budget.BudgetLimit?.Amount).toBe('25.00');
  });

  it('continues after a crash right after CreateBudget: one budget, both alerts', async () => {
    world.crashAfterCommand('CreateBudget');
    await expect(ensureBudget(deps, request)).rejects.toBeInstanceOf(SimulatedCrash);
    world.restart();
    const resumed = await ensureBudget(deps, request);
    expect(resumed).toMatchObject({ created: false, emails: ['me@example.com'] });
    expect(world.budgets.size).toBe(1);
    expect(world.budgets.get(budgetName(SETUP))?.notifications).toHaveLength(2);
  });

  it('a lost answer to CreateBudget (the retry sees DuplicateRecord) makes no second budget', async () => {
    world.loseAnswerOf('CreateBudget');
    const made = await ensureBudget(deps, request);
    expect(made.emails).toEqual(['me@example.com']);
    expect(world.calls.filter((c) => c === 'CreateBudget')).toHaveLength(2);
    expect(world.budgets.size).toBe(1);
  });

  it('adds a missing alert (a budget left half made) and a new e-mail without duplicating', async () => {
    await ensureBudget(deps, request);
    const stored = world.budgets.get(budgetName(SETUP));
    stored?.notifications.splice(1, 1); // the forecast alert is gone
    const again = await ensureBudget(deps, { ...request, email: 'ops@example.com' });
    expect(again.emails).toEqual(['me@example.com', 'ops@example.com']);
    expect(stored?.notifications.map((n) => n.notification.NotificationType)).toEqual(['ACTUAL', 'FORECASTED']);
  });

  it('leaves a budget with our name but not our tag alone', async () => {
    world.budgets.set(budgetName(SETUP), { budget: { BudgetName: budgetName(SETUP), BudgetLimit: { Amount: '500', Unit: 'USD' }, TimeUnit: 'MONTHLY', BudgetType: 'COST' }, tags: [], notifications: [] });
    await expect(ensureBudget(deps, request)).rejects.toMatchObject({ code: 'ec2.budgetNotOurs' });
    await expect(deleteBudget(deps, SETUP)).rejects.toMatchObject({ code: 'ec2.budgetNotOurs' });
    expect(world.budgets.get(budgetName(SETUP))?.budget.BudgetLimit?.Amount).toBe('500');
  });

  it('deletes the budget, and a second delete finds nothing to do', async () => {
    await ensureBudget(deps, request);
    expect(await deleteBudget(deps, SETUP)).toBe(true);
    expect(world.budgets.size).toBe(0);
    expect(await deleteBudget(deps, SETUP)).toBe(false);
    expect(await findBudget(deps, SETUP)).toBeNull();
  });

  it('lets AccessDenied through for the operation to explain, and records the exact IAM actions it needs', async () => {
    world.denied.add('CreateBudget');
    await expect(ensureBudget(deps, request)).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(world.budgets.size).toBe(0);
    expect(COST_GUARD_IAM_ACTIONS).toEqual(['budgets:ViewBudget', 'budgets:ModifyBudget', 'budgets:TagResource', 'budgets:ListTagsForResource']);
    expect(ALERTS).toHaveLength(2);
  });
});
