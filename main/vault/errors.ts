/**
 * Every vault error goes through here so that the code is always a registered
 * `vault.<key>` (common/errors/vault.ts) with the params it declares; every one
 * is translated (common/errors/registry.test.ts). Messages are English fallbacks for
 * logs; params carry only non-secret facts (file names, line numbers, types).
 */
import { AppError, type ErrorCode, type ParamArgs } from '../../common/errors';

/** `keychainUnavailable` for `vault.keychainUnavailable`: the vault's registered codes (common/errors/vault.ts). */
export type VaultErrorKey = ErrorCode extends infer C ? (C extends `vault.${infer K}` ? K : never) : never;

export function vaultError<K extends VaultErrorKey>(key: K, message: string, ...params: ParamArgs<`vault.${K}`>): AppError<`vault.${K}`> {
  return new AppError<`vault.${K}`>(`vault.${key}`, message, ...params);
}

/** Why the OS keychain could not be used; the UI can show `keychainReasons.<reason>`. */
export const KEYCHAIN_FAILURE_REASONS = ['noDbus', 'noSecretService', 'locked', 'moduleMissing', 'unknown'] as const;
export type KeychainFailureReason = (typeof KEYCHAIN_FAILURE_REASONS)[number];

export function isKeychainFailureReason(value: unknown): value is KeychainFailureReason {
  return typeof value === 'string' && (KEYCHAIN_FAILURE_REASONS as readonly string[]).includes(value);
}
