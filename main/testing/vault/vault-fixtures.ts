/** Shared test data and helpers for vault tests. All values are throwaway examples. */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../common/errors';

export const FIXTURE_KEYS = path.join(__dirname, '..', '..', 'vault', 'import', 'fixtures', 'keys');

export const ACCESS_KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
export const CONSOLE_LOGIN = {
  userName: 'alice',
  password: 'Sup3r-Secret!pw',
  signInUrl: 'https://123456789012.signin.aws.amazon.com/console',
};
export const ED25519_KEY = (): string => readFileSync(path.join(FIXTURE_KEYS, 'ed25519-openssh'), 'utf8');
export const RSA_PEM_KEY = (): string => readFileSync(path.join(FIXTURE_KEYS, 'rsa-pem.pem'), 'utf8');

export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onramp-vault-test-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The AppError a promise rejects with (fails the test if it resolves or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}
