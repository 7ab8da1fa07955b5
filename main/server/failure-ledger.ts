/**
 * Let's Encrypt allows 5 failed validations per account, per hostname, per
 * hour. Onramp stops after two failed certbot runs for the same names and
 * ACME server within an hour, and explains the limit instead of spending the
 * rest. Kept in main's memory (a restart forgets it; the CA does not, which
 * the explanation says).
 */
import { AppError } from '../../common/errors';

export const FAILURES_BEFORE_STOP = 2;
const WINDOW_MS = 60 * 60_000;

export class FailureLedger {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > cutoff);
    this.failures.set(key, kept);
    return kept;
  }

  /** Throws `server.rateLimitGuard` when `key` already failed twice within the hour. */
  assertMayTry(key: string): void {
    const recent = this.recent(key);
    if (recent.length < FAILURES_BEFORE_STOP) return;
    const oldest = recent[0] ?? this.now();
    const minutes = Math.max(1, Math.ceil((oldest + WINDOW_MS - this.now()) / 60_000));
    throw new AppError('server.rateLimitGuard', `Stopped after ${recent.length} failures within an hour.`, { failures: recent.length, minutes });
  }

  recordFailure(key: string): number {
    const recent = this.recent(key);
    recent.push(this.now());
    return recent.length;
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}
