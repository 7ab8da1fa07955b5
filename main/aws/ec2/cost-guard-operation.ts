/**
 * The cost guard as an operation of the Launch step (`launch-server.costGuard`)
 * and its read for Done (`ec2.budget`). Budgets needs the account id: the
 * verified connection's STS identity has it.
 */
import { BudgetsClient } from '@aws-sdk/client-budgets';
import { AppError } from '../../../common/errors';
import { defineOperation } from '../../setup/operation';
import type { VerifiedConnection } from '../aws-connection';
import { toAppError } from '../errors';
import { readErrorFacts } from '../error-facts';
import { BUDGETS_REGION, COST_GUARD_IAM_ACTIONS, deleteBudget, ensureBudget, findBudget, type CostGuardDeps } from '../billing/cost-guard';
import { clientsFor } from './ec2-clients';
import type { LaunchStepDeps } from './launch-steps';

const DENIED = new Set(['AccessDeniedException', 'AccessDenied']);

/** AccessDenied names the exact actions to grant; anything else goes through the shared AWS mapping. */
export function toBudgetAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const facts = readErrorFacts(error);
  if (DENIED.has(facts.name)) return new AppError('ec2.budgetDenied', 'Not authorized for AWS Budgets', { awsCode: facts.name, actions: COST_GUARD_IAM_ACTIONS.join(', ') });
  return toAppError(error);
}

export function costGuardDeps(connection: VerifiedConnection, signal?: AbortSignal): CostGuardDeps {
  return { budgets: connection.clients.get(BudgetsClient, BUDGETS_REGION), accountId: connection.identity.accountId, ...(signal ? { signal } : {}) };
}

export function costGuardOperation(deps: Pick<LaunchStepDeps, 'connection' | 'setup'>) {
  return defineOperation({
    kind: 'launch-server.costGuard',
    async run({ amountUsd, email }, { signal, progress }) {
      progress({ phase: 'ec2:phases.budget', fraction: null });
      const setup = await deps.setup.get();
      try {
        const { connection } = await clientsFor(deps.connection, setup);
        return await ensureBudget(costGuardDeps(connection, signal), { setupId: setup.setupId, amountUsd, email });
      } catch (error) {
        if (signal.aborted) throw error;
        throw toBudgetAppError(error);
      }
    },
  });
}

/** The setup's budget for Done, or null. */
export async function readSetupBudget(deps: Pick<LaunchStepDeps, 'connection' | 'setup'>) {
  const setup = await deps.setup.get();
  try {
    const { connection } = await clientsFor(deps.connection, setup);
    return { budget: await findBudget(costGuardDeps(connection), setup.setupId) };
  } catch (error) {
    throw toBudgetAppError(error);
  }
}

/** Teardown's optional part: delete the setup's budget (true when one was deleted). */
export function removeSetupBudget(connection: VerifiedConnection, setupId: string, signal?: AbortSignal): Promise<boolean> {
  return deleteBudget(costGuardDeps(connection, signal), setupId);
}
