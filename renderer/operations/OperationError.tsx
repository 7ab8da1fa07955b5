/**
 * Why an operation was refused or failed, once it is no longer running: the
 * translated error as an alert (shown under its OperationProgress).
 */
import type { ContractError } from '../../common/contract/result';
import { errorText } from '../i18n';

export function OperationError({ op, testId }: { op: { error: ContractError | undefined; running: boolean }; testId?: string }) {
  if (!op.error || op.running) return null;
  return (
    <p className="status-error" role="alert" data-testid={testId}>
      {errorText(op.error)}
    </p>
  );
}
