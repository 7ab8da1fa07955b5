/**
 * `deploy.status`: the app on the server as it is now, read over an exec
 * channel: the unit's state, the live release and those kept, the journal's
 * last lines and their likely cause when the service is not active (or when
 * the last deploy's candidate failed), and the day-one care facts.
 */
import type { AppStatus } from '../../common/contract/schemas/deploy';
import { sshRemote, type RemoteShell } from '../server/remote';
import { stepServer } from '../server/step-server';
import type { AppStepDeps } from './app-deps';
import { appFacts } from './app-facts';
import { currentReleaseCommand, listReleasesCommand, parseReleaseList } from './releases';
import { diagnoseJournal, journalTailCommand, type FailureCause } from './failure-causes';
import { parseMeminfo, REBOOT_REQUIRED_CHECK, TIME_ZONE_READ, UNATTENDED_CHECK } from './server-care';

export interface FailureRecord {
  unit: string;
  lines: string[];
  cause?: FailureCause;
  line?: string;
  detail?: string;
}

const STATES = new Set(['active', 'activating', 'deactivating', 'inactive', 'failed', 'reloading']);

async function out(remote: RemoteShell, command: string): Promise<string> {
  return (await remote.exec(command, { timeoutMs: 30_000, maxOutputBytes: 128 * 1024 })).stdout;
}

/** The care facts in one round trip (each line a value). */
const CARE = `cat /proc/meminfo | grep -E '^(MemTotal|SwapTotal):'; { ${UNATTENDED_CHECK}; } && echo UU=1 || echo UU=0; { ${REBOOT_REQUIRED_CHECK}; } && echo RR=1 || echo RR=0; echo TZ=$(${TIME_ZONE_READ} | head -n 1)`;

export async function readCare(remote: RemoteShell): Promise<NonNullable<AppStatus['care']>> {
  const text = await out(remote, CARE);
  const memory = parseMeminfo(text);
  const zone = /^TZ=([A-Za-z0-9_/+-]{1,64})$/m.exec(text)?.[1] ?? 'UTC';
  return { memoryBytes: memory.memTotalBytes, swapBytes: memory.swapTotalBytes, unattendedUpgrades: /^UU=1$/m.test(text), rebootRequired: /^RR=1$/m.test(text), timeZone: zone };
}

export async function readAppStatus(deps: Pick<AppStepDeps, 'setup' | 'ssh'>, lastFailure: FailureRecord | undefined): Promise<AppStatus> {
  const setup = await deps.setup.get();
  const app = setup.choices.app;
  const server = stepServer(setup);
  const remote = sshRemote(deps.ssh, server.target);
  const care = await readCare(remote);
  if (!app) return { state: 'none', releases: [], care };
  const facts = appFacts(setup);
  const live = (await out(remote, currentReleaseCommand(facts.baseDir))).trim() || undefined;
  const releases = parseReleaseList(await out(remote, listReleasesCommand(facts.baseDir)));
  const base = { unit: facts.unit, runtime: app.plan.runtime, ...(live ? { live } : {}), releases: releases.slice(-16), care };
  if (app.plan.runtime === 'static') return { ...base, state: live ? 'static' : 'none', ...(lastFailure ? { failure: lastFailure } : {}) };
  const raw = (await out(remote, `systemctl is-active ${facts.unit} 2>/dev/null; true`)).trim().split('\n')[0] ?? '';
  const state = STATES.has(raw) ? (raw as Exclude<AppStatus['state'], 'none' | 'static' | 'missing'>) : 'missing';
  if (state === 'active' && !lastFailure) return { ...base, state };
  if (state === 'active' && lastFailure) return { ...base, state, failure: lastFailure };
  const journal = await out(remote, `sudo ${journalTailCommand(facts.unit)}`);
  const lines = journal.split('\n').filter((l) => l.trim() !== '').slice(-30).map((l) => l.slice(0, 2000));
  const diagnosis = diagnoseJournal(lines.join('\n'));
  return { ...base, state, failure: { lines, ...(diagnosis ? { cause: diagnosis.cause, line: diagnosis.line, ...(diagnosis.detail ? { detail: diagnosis.detail.slice(0, 300) } : {}) } : {}) } };
}
