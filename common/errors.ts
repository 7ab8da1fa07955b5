/**
 * The one error type that crosses the contract. `code` is a stable, dotted key
 * (`vault.keychainUnavailable`) declared with its params in the error registry
 * (common/errors/registry.ts), so the compiler checks both where it is thrown.
 * The renderer translates it through i18next as `<namespace>:errors.<key>`
 * (renderer/i18n/index.ts#errorText); `message` is a plain English fallback
 * for logs. `cause` (the error it explains) is for the log only: the router and
 * the event bus send `{ code, message, params }` and nothing else.
 * Neither message nor params may ever contain a secret value.
 */
import type { ContractError } from './contract/result';
import { isErrorCode, type ErrorCode, type ErrorParamsOf } from './errors/registry';

export type { ErrorCode, ErrorParamsOf } from './errors/registry';
export type ErrorParams = Record<string, string | number>;

type ParamsFor<C> = C extends ErrorCode ? ErrorParamsOf<C> : never;

export interface AppErrorOptions {
  /** What went wrong underneath, for the log; never sent to the renderer. */
  cause?: unknown;
}

/** The params (and options) after the message; optional when the code needs none. Per code, for a union of codes. */
export type ParamArgs<C> = C extends unknown
  ? Record<never, never> extends ParamsFor<C>
    ? [params?: ParamsFor<C>, options?: AppErrorOptions]
    : [params: ParamsFor<C>, options?: AppErrorOptions]
  : never;

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ParamsFor<C> | undefined;

  constructor(code: C, message: string, ...[params, options]: ParamArgs<C>) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = params as ParamsFor<C> | undefined; // the rest tuple, per code: its params
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** True when `value` is an AppError with this code: its params are then typed. */
export function hasErrorCode<C extends ErrorCode>(value: unknown, code: C): value is AppError<C> {
  return isAppError(value) && value.code === code;
}

/** One param as it travels (`string | number`), whatever the code; for code that reads many codes alike. */
export function errorParam(error: AppError, name: string): string | number | undefined {
  const params: ErrorParams | undefined = error.params;
  return params?.[name];
}

/**
 * A contract error made where nothing is thrown (the router, a transport, a
 * worker's answer): its code and params are checked like an AppError's.
 */
export function contractError<C extends ErrorCode>(code: C, message: string, ...[params]: ParamArgs<C>): ContractError {
  const loose: ErrorParams | undefined = params;
  return loose ? { code, message, params: loose } : { code, message };
}

/**
 * An AppError whose params a generic signature already checked against the
 * registry (the compiler cannot follow a spread of them): not for new code.
 */
export function checkedAppError(code: ErrorCode, message: string, params: ErrorParams, options?: AppErrorOptions): AppError {
  const rebuild = AppError as new (code: ErrorCode, message: string, params: ErrorParams, options?: AppErrorOptions) => AppError;
  return new rebuild(code, message, params, options);
}

/**
 * The same error with more params: a boundary adding what only it knows (the
 * file name an import error is about). The registry declares those params
 * optional; the original cause is kept.
 */
export function withParams(error: AppError, extra: ErrorParams): AppError {
  const rebuild = AppError as new (code: ErrorCode, message: string, params?: ErrorParams, options?: AppErrorOptions) => AppError;
  const params: ErrorParams | undefined = error.params;
  return new rebuild(error.code, error.message, { ...params, ...extra }, { cause: error.cause });
}

/**
 * An AppError that crossed a thread or a process as `{ code, message, params }`
 * (a worker's answer). Its params were checked where it was thrown; a code the
 * registry does not know becomes `contract.internal`.
 */
export function appErrorFromWire(error: { code: string; message: string; params?: ErrorParams | undefined }, where: string): AppError {
  if (!isErrorCode(error.code)) return new AppError('contract.internal', error.message, { channel: where });
  const rebuild = AppError as new (code: ErrorCode, message: string, params?: ErrorParams) => AppError;
  return new rebuild(error.code, error.message, error.params);
}
