/**
 * Releases on the server: `<base>/releases/<stamp>` per deploy, `<base>/current`
 * a symlink to the live one. A new release is started as a candidate on a
 * spare port (a transient unit, same user and environment) and must answer
 * there before `current` moves; only then the service restarts on it. So the
 * previous release keeps serving until the new one has proved itself, and
 * rollback is moving the link back and restarting. Three releases are kept.
 *
 * Every function returns one shell command (run with sudo over the exec
 * channel or typed in the terminal); every value in it is validated or quoted.
 */
import { shellQuote } from '../server/shell-quote';

export const KEEP_RELEASES = 3;
const STAMP = /^\d{8}T\d{6}Z$/;

/** `20261207T110203Z`: sorts by time as text, safe in a path. */
export function releaseStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** The time a stamp names (UTC, whole seconds). */
function stampTime(stamp: string): number {
  const [, y, mo, d, h, mi, se] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(assertStamp(stamp))?.map(Number) ?? [];
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, se ?? 0);
}

/**
 * A new release's stamp: now, or one second after the newest release on the server when now is not
 * later. Stamps are per second, so two deploys within one second would share a folder (the second
 * one copying into the live release), and a clock set back would sort a new release before the
 * live one (rollback and pruning go by that order).
 */
export function nextReleaseStamp(at: Date, existing: readonly string[]): string {
  const now = releaseStamp(at);
  const newest = existing.filter((s) => STAMP.test(s)).sort().at(-1);
  return !newest || now > newest ? now : releaseStamp(new Date(stampTime(newest) + 1000));
}

export function assertStamp(stamp: string): string {
  if (!STAMP.test(stamp)) throw new Error(`not a release: ${stamp}`);
  return stamp;
}

export function releaseDir(baseDir: string, stamp: string): string {
  return `${baseDir}/releases/${assertStamp(stamp)}`;
}

/** Atomic switch: a new link beside `current`, then rename over it (`mv -T`), so `current` never dangles. */
export function switchCurrentCommand(baseDir: string, stamp: string): string {
  const base = shellQuote(baseDir);
  return `ln -sfn releases/${assertStamp(stamp)} ${base}/current.next && mv -Tf ${base}/current.next ${base}/current`;
}

/** Prints the live release's stamp (empty when there is none yet). */
export function currentReleaseCommand(baseDir: string): string {
  return `basename "$(readlink ${shellQuote(baseDir)}/current 2>/dev/null)" 2>/dev/null || true`;
}

/** Prints the releases, oldest first, one stamp a line. */
export function listReleasesCommand(baseDir: string): string {
  return `ls -1 ${shellQuote(baseDir)}/releases 2>/dev/null | grep -E '^[0-9]{8}T[0-9]{6}Z$' | sort || true`;
}

/** The stamps to delete: all but the newest KEEP_RELEASES, never the live one. */
export function releasesToPrune(stamps: readonly string[], live: string | undefined, keep = KEEP_RELEASES): string[] {
  const valid = stamps.filter((s) => STAMP.test(s)).sort();
  const kept = new Set(valid.slice(-keep));
  if (live) kept.add(live);
  return valid.filter((s) => !kept.has(s));
}

export function pruneCommand(baseDir: string, stamps: readonly string[]): string | undefined {
  if (stamps.length === 0) return undefined;
  return `rm -rf -- ${stamps.map((s) => shellQuote(releaseDir(baseDir, s))).join(' ')}`;
}

/** A release that never went live (its candidate failed) is removed, so rollback never offers it. */
export function discardReleaseCommand(baseDir: string, stamp: string, live: string | undefined): string {
  if (stamp === live) throw new Error('the live release is never discarded');
  return `rm -rf -- ${shellQuote(releaseDir(baseDir, stamp))}`;
}

/** The release to roll back to: the newest one older than the live one. */
export function previousRelease(stamps: readonly string[], live: string | undefined): string | undefined {
  const older = stamps.filter((s) => STAMP.test(s) && (!live || s < live)).sort();
  return older.at(-1);
}

/** Parses `listReleasesCommand`'s output (linear; anything that is not a stamp is dropped). */
export function parseReleaseList(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => STAMP.test(line));
}
