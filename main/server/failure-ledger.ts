/**
 * Let's Encrypt allows 5 failed validations per account, per hostname, per
 * hour. Onramp stops after two failed certbot runs for the same names and
 * ACME server within an hour, and explains the limit instead of spending the
 * rest.
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

export const FAILURES_BEFORE_STOP = 2;
const WINDOW_MS = 60 * 60_000;
/** Bounds on what is read back: the file is ours, but it sits on disk. */
const MAX_KEYS = 200;
const MAX_KEY_LENGTH = 2_000;
export const LEDGER_FILE = 'acme-failures.json';

type Failures = Map<string, number[]>;

function parseFailures(value: unknown): Failures {
  const failures: Failures = new Map();
  if (typeof value !== 'object' || value === null) return failures;
  const entries = Object.entries((value as { failures?: unknown }).failures ?? {});
  for (const [key, times] of entries.slice(0, MAX_KEYS)) {
    if (key.length > MAX_KEY_LENGTH || !Array.isArray(times)) continue;
    const valid = times.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)).slice(-FAILURES_BEFORE_STOP * 4);
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

  /** Throws `server.rateLimitGuard` when `key` already failed twice within the hour. */
  async assertMayTry(key: string): Promise<void> {
    const recent = this.recent(await this.load(), key);
    if (recent.length < FAILURES_BEFORE_STOP) return;
    const oldest = recent[0] ?? this.now();
    const minutes = Math.max(1, Math.ceil((oldest + WINDOW_MS - this.now()) / 60_000));
    throw new AppError('server.rateLimitGuard', `Stopped after ${recent.length} failures within an hour.`, { failures: recent.length, minutes });
  }

  /** Records a failed validation; returns how many `key` has within the hour, this one included. */
  async recordFailure(key: string): Promise<number> {
    let count = 0;
    await this.change((failures) => {
      const recent = [...this.recent(failures, key), this.now()];
      failures.set(key, recent);
      count = recent.length;
    });
    return count;
  }

  async clear(key: string): Promise<void> {
    if (!(await this.load()).has(key)) return;
    await this.change((failures) => failures.delete(key));
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
