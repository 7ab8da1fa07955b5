/**
 * Let's Encrypt's limit on failed validations (letsencrypt.org/docs/rate-limits,
 * as of 2025): 5 failed authorizations per hostname per account, refilling
 * one every 12 minutes (a bucket of 5). Onramp models that bucket for each
 * hostname and ACME server and stops while fewer than four tries are left, so
 * two quick failures stop it and it never spends the CA's last tries; the
 * user sees how long until one is back. (A long run of failures makes the CA
 * pause the hostname until it is unpaused on its portal: certbot-failure.ts
 * recognises that answer.)
 *
 * The failures are kept in `acme-failures.json` in the data dir (names, the
 * ACME server and times: nothing secret), so quitting or a crash does not
 * reset the count; the CA would not forget either. Read-modify-write happens
 * under the data dir's file lock, like setup.json. A damaged or oversized
 * file counts as empty: it can only make Onramp less careful, never stuck.
 */
import path from 'node:path';
import { AppError } from '../../common/errors';
import { readJsonFile, writeFileAtomic } from '../storage/atomic-write';
import { withFileLock } from '../storage/file-lock';

/** Let's Encrypt's bucket: 5 failed authorizations per hostname per account, one back every 12 minutes. */
export const FAILED_AUTHORIZATIONS_LIMIT = 5;
export const REFILL_MS = 12 * 60_000;
/** Onramp tries only while at least this many are left (so two quick failures stop it). */
export const TRIES_KEPT = 4;
/** After this long the bucket is full again whatever happened before. */
const WINDOW_MS = FAILED_AUTHORIZATIONS_LIMIT * REFILL_MS;
/** Bounds on what is read back: the file is ours, but it sits on disk. */
const MAX_KEYS = 200;
const MAX_KEY_LENGTH = 2_000;
export const LEDGER_FILE = 'acme-failures.json';

type Failures = Map<string, number[]>;

/** The tries a bucket of FAILED_AUTHORIZATIONS_LIMIT, refilled one per REFILL_MS, has left at `now` after failures at `times`. */
export function triesLeft(times: number[], now: number): number {
  let tokens = FAILED_AUTHORIZATIONS_LIMIT;
  let last: number | undefined;
  for (const at of [...times].sort((a, b) => a - b)) {
    if (last !== undefined) tokens = Math.min(FAILED_AUTHORIZATIONS_LIMIT, tokens + (at - last) / REFILL_MS);
    tokens -= 1;
    last = at;
  }
  if (last !== undefined) tokens = Math.min(FAILED_AUTHORIZATIONS_LIMIT, tokens + (now - last) / REFILL_MS);
  return tokens;
}

function parseFailures(value: unknown): Failures {
  const failures: Failures = new Map();
  if (typeof value !== 'object' || value === null) return failures;
  const entries = Object.entries((value as { failures?: unknown }).failures ?? {});
  for (const [key, times] of entries.slice(0, MAX_KEYS)) {
    if (key.length > MAX_KEY_LENGTH || !Array.isArray(times)) continue;
    const valid = times.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)).slice(-FAILED_AUTHORIZATIONS_LIMIT * 4);
    if (valid.length > 0) failures.set(key, valid);
  }
  return failures;
}

export class FailureLedger {
  private readonly memory: Failures = new Map();

  /** `dataDir`: where the ledger is kept; without one it lives in memory only (tests, the bench). */
  constructor(
    private readonly dataDir?: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Throws `server.rateLimitGuard` when the estimated bucket of any of `keys`
   * (one per hostname) has fewer than TRIES_KEPT tries left, with the minutes
   * until one is back.
   */
  async assertMayTry(keys: string | string[]): Promise<void> {
    const failures = await this.load();
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      const times = this.recent(failures, key);
      const left = triesLeft(times, this.now());
      if (left >= TRIES_KEPT) continue;
      const minutes = Math.max(1, Math.ceil(((TRIES_KEPT - left) * REFILL_MS) / 60_000));
      throw new AppError('server.rateLimitGuard', `Stopped after ${times.length} failed authorizations.`, { failures: times.length, minutes, name: key.split('@')[0] ?? key });
    }
  }

  /** Records a failed authorization for each key; returns the most failures any key has within the hour, this one included. */
  async recordFailure(keys: string | string[]): Promise<number> {
    let count = 0;
    await this.change((failures) => {
      for (const key of typeof keys === 'string' ? [keys] : keys) {
        const recent = [...this.recent(failures, key), this.now()];
        failures.set(key, recent);
        count = Math.max(count, recent.length);
      }
    });
    return count;
  }

  async clear(keys: string | string[]): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : keys;
    const current = await this.load();
    if (!list.some((key) => current.has(key))) return;
    await this.change((failures) => list.forEach((key) => failures.delete(key)));
  }

  private recent(failures: Failures, key: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    return (failures.get(key) ?? []).filter((at) => at > cutoff);
  }

  private get file(): string | undefined {
    return this.dataDir ? path.join(this.dataDir, LEDGER_FILE) : undefined;
  }

  private async load(): Promise<Failures> {
    const file = this.file;
    if (!file) return this.memory;
    return parseFailures(await readJsonFile(file).catch(() => undefined));
  }

  private async change(edit: (failures: Failures) => void): Promise<void> {
    const file = this.file;
    if (!file) {
      edit(this.memory);
      return;
    }
    await withFileLock(`${file}.lock`, async () => {
      const failures = await this.load();
      edit(failures);
      const cutoff = this.now() - WINDOW_MS;
      const kept: Record<string, number[]> = {};
      for (const [key, times] of failures) {
        const recent = times.filter((at) => at > cutoff);
        if (recent.length > 0) kept[key] = recent;
      }
      await writeFileAtomic(file, `${JSON.stringify({ version: 1, failures: kept }, null, 2)}\n`);
    });
  }
}
