import type { ContractError } from '../../common/contract/result';
import { isAppError, contractError } from '../../common/errors';

/**
 * An error as the renderer may see it: an AppError keeps its code and params;
 * anything else becomes `contract.internal` without its message (it might hold input).
 */
export function toContractError(error: unknown, where: string): ContractError {
  if (isAppError(error)) return { code: error.code, message: error.message, ...(error.params ? { params: error.params } : {}) };
  return contractError('contract.internal', 'Something went wrong inside Onramp', { channel: where });
}
