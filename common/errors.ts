/**
 * The one error type that crosses the contract. `code` is a stable, dotted key
 * (`vault.keychainUnavailable`) that the renderer translates through i18next
 * as `<namespace>:errors.<key>` (renderer/i18n/index.ts#errorText); `message`
 * is a plain English fallback for logs.
 * Neither may ever contain a secret value.
 */
export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  readonly code: string;
  readonly params: ErrorParams | undefined;

  constructor(code: string, message: string, params?: ErrorParams) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
