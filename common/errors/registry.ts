/**
 * Every error code Onramp can show, with the params it carries: one map built
 * from the per-namespace declarations beside this file. `AppError`
 * (common/errors.ts) is generic over it, so the compiler checks each code that
 * is thrown and its params; registry.test.ts translates every code here in
 * both languages. A new code is declared in its namespace file and translated
 * in renderer/i18n/locales/{en,ko}/<namespace>.json under `errors`.
 */
import type { Params } from './declare';
import { appErrors } from './app';
import { awsErrors } from './aws';
import { commonErrors } from './common';
import { contractErrors } from './contract';
import { dnsErrors } from './dns';
import { ec2Errors } from './ec2';
import { iamErrors } from './iam';
import { opErrors } from './op';
import { serverErrors } from './server';
import { setupErrors } from './setup';
import { setupsErrors } from './setups';
import { sshErrors } from './ssh';
import { vaultErrors } from './vault';

export const errorRegistry = {
  ...appErrors,
  ...awsErrors,
  ...commonErrors,
  ...contractErrors,
  ...dnsErrors,
  ...ec2Errors,
  ...iamErrors,
  ...opErrors,
  ...serverErrors,
  ...setupErrors,
  ...setupsErrors,
  ...sshErrors,
  ...vaultErrors,
};

type Registry = typeof errorRegistry;

/** Every registered code, e.g. `'vault.keychainUnavailable'`. */
export type ErrorCode = keyof Registry & string;

/** The params a code carries (`{}` for a code with none). */
export type ErrorParamsOf<C extends ErrorCode> = Registry[C] extends Params<infer P> ? P : never;

export const errorCodes = Object.keys(errorRegistry) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorRegistry, value);
}
