/** How the App page shows what main read from the server: sizes, whether a rollback has somewhere to go, the time zones offered. */
import type { AppStatus } from '../../../common/contract/schemas/deploy';

/** 2147483648 → "2 GB", 1610612736 → "1.5 GB", 536870912 → "512 MB" (binary units, as the server counts). */
export function formatBytes(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  if (gib >= 1) return `${Number(gib.toFixed(1))} GB`;
  return `${Math.round(bytes / 1024 ** 2)} MB`;
}

export function megabytes(bytes: number): string {
  return String(Number((bytes / 1024 ** 2).toFixed(1)));
}

/** Rollback goes to the newest release older than the live one (main/app/releases.ts#previousRelease): is there one? */
export function canRollback(status: Pick<AppStatus, 'live' | 'releases'> | undefined): boolean {
  if (!status?.live) return false;
  const live = status.live;
  return status.releases.some((stamp) => stamp < live);
}

/** The zone the contract accepts (schemas/deploy.ts#appCareInput). */
const ZONE = /^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/;

/** The zones offered in the select: the platform's list that the contract accepts, UTC first. */
export function timeZoneChoices(all: readonly string[]): string[] {
  const zones = all.filter((zone) => ZONE.test(zone) && zone !== 'UTC');
  return ['UTC', ...zones];
}

/** The zone preselected: the one saved with the app, else this computer's, else UTC. */
export function defaultTimeZone(saved: string | undefined, local: string | undefined, choices: readonly string[]): string {
  for (const zone of [saved, local]) if (zone && choices.includes(zone)) return zone;
  return 'UTC';
}

/** The platform's time zones (Intl), empty where it has none. */
export function platformTimeZones(): { all: string[]; local: string | undefined } {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const all = typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : [];
  return { all, local: Intl.DateTimeFormat().resolvedOptions().timeZone };
}
