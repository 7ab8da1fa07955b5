/** Runs keychain calls and remembers why the keychain last failed, so status() can say it. */
import { AppError, errorParam } from '../../common/errors';
import { isKeychainFailureReason, type KeychainFailureReason } from './errors';
import type { Keychain } from './keychain';

export class KeychainAccess {
  private lastError: AppError | null = null;

  constructor(private readonly keychain: Keychain) {}

  async run<T>(task: (keychain: Keychain) => Promise<T>): Promise<T> {
    try {
      const result = await task(this.keychain);
      this.lastError = null;
      return result;
    } catch (error) {
      if (error instanceof AppError && error.code === 'vault.keychainUnavailable') this.lastError = error;
      throw error;
    }
  }

  errorFields(): { keychainError?: string; keychainReason?: KeychainFailureReason } {
    const error = this.lastError;
    if (!error) return {};
    const reason = errorParam(error, 'reason');
    return { keychainError: error.code, ...(isKeychainFailureReason(reason) ? { keychainReason: reason } : {}) };
  }
}
