import type { StepStatus } from '../../common/contract/schemas/operations';
import type { StepId } from '../../common/contract/schemas/setup';

/** Done when its check last passed; while a check runs or before the first, the mark cached at the last run. */
export function stepMarkedDone(step: StepId, steps: readonly StepStatus[], completed: readonly StepId[]): boolean {
  const status = steps.find((s) => s.step === step);
  if (!status || status.state === 'unknown' || status.state === 'checking') return completed.includes(step);
  return status.state === 'done';
}
