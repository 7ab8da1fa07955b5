/**
 * A strong console password that meets the account's password policy
 * (GetAccountPasswordPolicy), or AWS's default policy when the account has
 * none (NoSuchEntity): at least 8 characters with three of upper case, lower
 * case, digits and symbols. Onramp always uses all four classes and at least
 * 20 characters, drawn with node:crypto.
 */
import { GetAccountPasswordPolicyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { randomInt } from 'node:crypto';

import { hasAwsCode, toIamError } from './iam-errors';

export interface PasswordRules {
  minimumLength: number;
}

export const AWS_DEFAULT_PASSWORD_RULES: PasswordRules = { minimumLength: 8 };
const ONRAMP_MINIMUM_LENGTH = 20;
/** IAM passwords are at most 128 characters. */
const MAXIMUM_LENGTH = 128;

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
/** The symbols IAM accepts: ! @ # $ % ^ & * ( ) _ + - = [ ] { } | ' */
const SYMBOLS = '!@#$%^&*()_+-=[]{}|';
const CLASSES = [UPPER, LOWER, DIGITS, SYMBOLS];
const ALL = CLASSES.join('');

const pick = (alphabet: string): string => alphabet.charAt(randomInt(alphabet.length));

export function generatePassword(rules: PasswordRules): string {
  const length = Math.min(MAXIMUM_LENGTH, Math.max(ONRAMP_MINIMUM_LENGTH, rules.minimumLength));
  const chars = CLASSES.map(pick);
  while (chars.length < length) chars.push(pick(ALL));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}

/** The account's password rules, or AWS's default when it has no policy. */
export async function readPasswordRules(iam: IAMClient, signal?: AbortSignal): Promise<PasswordRules> {
  try {
    const out = await iam.send(new GetAccountPasswordPolicyCommand({}), { abortSignal: signal });
    return { minimumLength: out.PasswordPolicy?.MinimumPasswordLength ?? AWS_DEFAULT_PASSWORD_RULES.minimumLength };
  } catch (error) {
    if (hasAwsCode(error, 'NoSuchEntity')) return AWS_DEFAULT_PASSWORD_RULES;
    throw toIamError(error, 'iam:GetAccountPasswordPolicy');
  }
}
