/**
 * IN-MEMORY KEYCHAIN, for unit tests and the benchmark only. It forgets
 * everything when the process exits; the app always uses createKeytarKeychain().
 */
import type { Keychain } from './keychain';

export class InMemoryKeychain implements Keychain {
  private readonly entries = new Map<string, string>();

  private static key(service: string, account: string): string {
    return `${service}\u0000${account}`;
  }

  async getPassword(service: string, account: string): Promise<string | null> {
    return this.entries.get(InMemoryKeychain.key(service, account)) ?? null;
  }

  async setPassword(service: string, account: string, password: string): Promise<void> {
    this.entries.set(InMemoryKeychain.key(service, account), password);
  }

  async deletePassword(service: string, account: string): Promise<boolean> {
    return this.entries.delete(InMemoryKeychain.key(service, account));
  }

  get size(): number {
    return this.entries.size;
  }
}
