/**
 * Transport-agnostic dispatcher: Electron's ipcMain bridge and the test host's
 * WebSocket both call `dispatch`. It never throws: unknown channels, malformed
 * requests and handler failures all come back as `{ ok: false, error }`.
 */
import { z } from 'zod';
import { invokes, isInvokeChannel, type InvokeChannel } from '../../common/contract/channels';
import type { ContractError, Result } from '../../common/contract/result';
import type { Handlers } from '../../common/contract/types';
import { isAppError, contractError } from '../../common/errors';

export type Dispatch = (channel: unknown, request: unknown) => Promise<Result<unknown>>;

export interface RouterOptions {
  /** Called with unexpected (non-AppError) failures; never with request data. */
  onInternalError?: (channel: string, error: unknown) => void;
  /** Called with what an AppError explains (its cause), for the log; the renderer gets the code only. */
  onCause?: (channel: string, code: string, cause: unknown) => void;
}

export function createRouter(handlers: Handlers, options: RouterOptions = {}): Dispatch {
  return async (channel, request) => {
    if (!isInvokeChannel(channel)) {
      return fail(contractError('contract.unknownChannel', 'Unknown channel', { channel: String(channel).slice(0, 64) }));
    }
    const spec = invokes[channel];
    const parsed = spec.request.safeParse(request ?? {});
    if (!parsed.success) {
      return fail(contractError('contract.invalidRequest', `Invalid request for ${channel}`, { channel, issues: describeIssues(parsed.error) }));
    }
    try {
      const handler = handlers[channel] as (req: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: spec.response.parse(value) };
    } catch (error) {
      return fail(toContractError(channel, error, options));
    }
  };
}

function fail(error: ContractError): Result<never> {
  return { ok: false, error };
}

/** Paths and kinds of problems only: zod messages can echo input, which may be a secret. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`)
    .join('; ');
}

function toContractError(channel: InvokeChannel, error: unknown, options: RouterOptions): ContractError {
  if (isAppError(error)) {
    if (error.cause !== undefined) options.onCause?.(channel, error.code, error.cause);
    return { code: error.code, message: error.message, ...(error.params ? { params: error.params } : {}) };
  }
  options.onInternalError?.(channel, error);
  return contractError('contract.internal', 'Something went wrong inside Onramp', { channel });
}
