/**
 * What each release on the server is: its source and plan, kept beside the
 * settings as `/etc/onramp/<unit>.releases/<stamp>.json` (root, 0600; the
 * app's own user cannot change it). Rollback reads it, so going back to a
 * release of another runtime (the Node starter after a Python app, a static
 * site after either) writes that release's unit and site again instead of
 * starting it with the live one's command. A release without a record (made
 * before records existed) is taken to share the live release's plan.
 */
import { z } from 'zod';
import { appPlan, appSource, type AppPlanValue, type AppSource } from '../../common/contract/schemas/deploy';
import type { RemoteShell } from '../server/remote';
import type { RemoteStep } from '../server/remote-steps';
import { shellQuote } from '../server/shell-quote';
import { installFile } from './remote-files';
import { assertStamp } from './releases';

const releaseRecord = z.object({ source: appSource, plan: appPlan });
export type ReleaseRecord = z.infer<typeof releaseRecord>;

export function releaseRecordsDir(unit: string): string {
  return `/etc/onramp/${unit}.releases`;
}

function recordPath(unit: string, stamp: string): string {
  return `${releaseRecordsDir(unit)}/${assertStamp(stamp)}.json`;
}

export async function writeReleaseRecord(remote: RemoteShell, unit: string, stamp: string, record: { source: AppSource; plan: AppPlanValue }): Promise<void> {
  await remote.exec(`sudo install -d -m 700 ${shellQuote(releaseRecordsDir(unit))}`, { timeoutMs: 30_000, maxOutputBytes: 4096 });
  await installFile(remote, recordPath(unit, stamp), `${JSON.stringify(releaseRecord.parse(record))}\n`, { mode: '600', owner: 'root' });
}

/** The release's record, or undefined when it has none (or it does not parse). */
export async function readReleaseRecord(remote: RemoteShell, unit: string, stamp: string): Promise<ReleaseRecord | undefined> {
  const out = await remote.exec(`sudo cat ${shellQuote(recordPath(unit, stamp))} 2>/dev/null`, { timeoutMs: 30_000, maxOutputBytes: 256 * 1024 });
  if (out.code !== 0) return undefined;
  try {
    const parsed = releaseRecord.safeParse(JSON.parse(out.stdout));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The records of releases that are pruned or discarded go with them. */
export function removeRecordsCommand(unit: string, stamps: readonly string[]): string | undefined {
  if (stamps.length === 0) return undefined;
  return `rm -f -- ${stamps.map((s) => shellQuote(recordPath(unit, s))).join(' ')}`;
}

/** Two plans that run the same way (same runtime, same unit text inputs). */
export function samePlan(a: AppPlanValue, b: AppPlanValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A static site has no service: once nginx serves the release folder, the app service a former
 * release ran is stopped and disabled (it would hold the port, and after a reboot start in a
 * folder with nothing to run). Skipped when there is none or it is already stopped.
 */
export function stopServiceStep(unit: string): RemoteStep {
  return {
    id: 'stopService',
    phase: 'app:phases.stopService',
    skipIf: `! systemctl is-enabled --quiet ${unit} 2>/dev/null && ! systemctl is-active --quiet ${unit} 2>/dev/null`,
    command: `sudo systemctl disable --now ${unit}`,
    failure: 'app.stopFailed',
  };
}
