/**
 * `app.deploy`: one release, typed visibly in the terminal step by step.
 * The runtime from the Ubuntu archive → the app's user and folders → the code
 * (clone or upload) → the settings file (0600, root) and the unit → install
 * and build as the app's user → a candidate on a spare port must answer →
 * switch `current` → restart → the app answers on its port → the nginx site
 * follows the app (`root` for a static site, `proxy_pass` otherwise) → old
 * releases pruned. A failed candidate is discarded and the live release keeps
 * serving; a restarted service that does not answer is switched back.
 */
import type { AppPlanValue, AppSource } from '../../common/contract/schemas/deploy';
import { AppError, isAppError } from '../../common/errors';
import { defineOperation, type OperationContext } from '../setup/operation';
import { holds, sshRemote, type RemoteShell } from '../server/remote';
import { runRemoteSteps, type RemoteStep } from '../server/remote-steps';
import { stepServer } from '../server/step-server';
import type { AppStepDeps } from './app-deps';
import { appFacts, type AppFacts } from './app-facts';
import { placeCode } from './code-source';
import { deploySteps, portTakenCheck, restartCommand } from './deploy-steps';
import { renderEnvFile } from './env-file';
import { diagnoseJournal } from './failure-causes';
import { ensureStagingRoot, installFile } from './remote-files';
import { currentReleaseCommand, discardReleaseCommand, listReleasesCommand, parseReleaseList, pruneCommand, releaseDir, nextReleaseStamp, releasesToPrune, switchCurrentCommand } from './releases';
import { followSite, siteLayoutOf } from './site-follow';
import { parseMeminfo } from './server-care';
import { environmentFilePath, renderUnit } from './systemd-unit';
import type { FailureRecord } from './app-status';
import { packagesStep } from './packages';
import { readReleaseRecord, removeRecordsCommand, stopServiceStep, writeReleaseRecord } from './release-records';
import { shellQuote } from '../server/shell-quote';

const HEALTH_SECONDS = 45;

export function candidatePortOf(port: number): number {
  return port <= 55_535 ? port + 10_000 : port - 10_000;
}

/** MemoryMax: 3/4 of the server's memory, between 256 MiB and 4 GiB. */
export function memoryMaxOf(memTotalBytes: number): number {
  const mib = Math.floor((memTotalBytes / 1024 ** 2) * 0.75);
  return Math.min(4096, Math.max(256, mib || 512));
}

export async function readMeminfo(remote: RemoteShell): Promise<string> {
  return (await remote.exec('cat /proc/meminfo', { timeoutMs: 30_000, maxOutputBytes: 64 * 1024 })).stdout;
}

/** The app's unit for `plan` (uploaded, then installed root 0644); the caller reloads systemd. */
export async function installUnit(remote: RemoteShell, facts: Pick<AppFacts, 'unit' | 'baseDir' | 'port'>, plan: AppPlanValue, meminfo: string): Promise<void> {
  const unitText = renderUnit({ name: facts.unit, baseDir: facts.baseDir, port: facts.port, plan, memoryMaxMb: memoryMaxOf(parseMeminfo(meminfo).memTotalBytes) });
  await installFile(remote, `/etc/systemd/system/${facts.unit}.service`, unitText, { mode: '644', owner: 'root' });
}

/** After a failed switch: `current` back to the live release, its unit (from its record) and its service state. */
async function backToLive(remote: RemoteShell, facts: AppFacts, live: string, meminfo: string): Promise<void> {
  const record = await readReleaseRecord(remote, facts.unit, live);
  if (record && record.plan.runtime !== 'static') await installUnit(remote, facts, record.plan, meminfo);
  const service = record?.plan.runtime === 'static' ? `sudo systemctl disable --now ${facts.unit}` : `sudo systemctl daemon-reload && { ${restartCommand(facts.unit)}; }`;
  await remote.exec(`sudo sh -c ${shellQuote(switchCurrentCommand(facts.baseDir, live))} && ${service}`, { timeoutMs: 120_000, maxOutputBytes: 16 * 1024 });
}

export interface DeployRecorder {
  failed(record: FailureRecord | undefined): void;
}

export async function liveRelease(remote: RemoteShell, baseDir: string): Promise<string | undefined> {
  const out = (await remote.exec(currentReleaseCommand(baseDir), { timeoutMs: 30_000, maxOutputBytes: 4096 })).stdout.trim();
  return out || undefined;
}

async function releases(remote: RemoteShell, baseDir: string): Promise<string[]> {
  return parseReleaseList((await remote.exec(listReleasesCommand(baseDir), { timeoutMs: 30_000, maxOutputBytes: 64 * 1024 })).stdout);
}

async function journalOf(remote: RemoteShell, unit: string): Promise<FailureRecord> {
  const out = await remote.exec(`sudo journalctl -u ${unit} -n 30 --no-pager -o cat`, { timeoutMs: 30_000, maxOutputBytes: 128 * 1024 });
  const lines = out.stdout.split('\n').filter((l) => l.trim() !== '').slice(-30).map((l) => l.slice(0, 2000));
  const diagnosis = diagnoseJournal(lines.join('\n'));
  return { unit, lines, ...(diagnosis ? { cause: diagnosis.cause, line: diagnosis.line, ...(diagnosis.detail ? { detail: diagnosis.detail } : {}) } : {}) };
}

interface DeployRun {
  deps: AppStepDeps;
  recorder: DeployRecorder;
  remote: RemoteShell;
  facts: AppFacts & { domain: string };
  source: AppSource;
  plan: AppPlanValue;
  context: OperationContext;
  target: ReturnType<typeof stepServer>['target'];
}

async function runDeploy(run: DeployRun): Promise<{ release: string }> {
  const { deps, remote, facts, plan, context } = run;
  const setup = await deps.setup.get();
  const live = await liveRelease(remote, facts.baseDir);
  // A release newer than the live one never went live (a deploy that crashed or was cancelled): it must never become a rollback target.
  const kept = await releases(remote, facts.baseDir);
  for (const leftover of kept.filter((s) => !live || s > live)) {
    await remote.exec(`sudo ${discardReleaseCommand(facts.baseDir, leftover, live)}`, { timeoutMs: 120_000, maxOutputBytes: 4096 });
  }
  const stamp = nextReleaseStamp(new Date(), [...kept, ...(live ? [live] : [])]);
  const release = releaseDir(facts.baseDir, stamp);
  const meminfo = await readMeminfo(remote);
  if (plan.runtime !== 'static' && (await holds(remote, portTakenCheck(facts.unit, facts.port)))) throw new AppError('app.portTaken', 'Another program listens on the app port.', { port: facts.port });
  const steps = deploySteps({ unit: facts.unit, baseDir: facts.baseDir, stamp, plan, port: facts.port, candidatePort: candidatePortOf(facts.port), healthSeconds: HEALTH_SECONDS });
  const [userStep, ...rest] = steps;
  await runRemoteSteps(remote, [packagesStep(plan, run.source), ...(userStep ? [userStep] : [])], context);
  await ensureStagingRoot(remote);
  const code = await placeCode(deps, run.source, { remote, target: run.target, unit: facts.unit, release, domain: facts.domain, signal: context.signal, progress: context.progress }, setup.resources.deployKeyItemId);
  context.progress({ phase: 'app:phases.settings', fraction: null });
  const stored = await deps.settings.read(setup.resources.appSettingsItemId);
  await installFile(remote, environmentFilePath(facts.unit), renderEnvFile(stored.values), { mode: '600', owner: 'root' });
  const goLive = rest.filter((s: RemoteStep) => s.id === 'restart' || s.id === 'answer');
  try {
    await runRemoteSteps(remote, [...code, ...rest.filter((s: RemoteStep) => s.id !== 'switch' && !goLive.includes(s))], context);
  } catch (error) {
    if (isAppError(error) && error.code === 'app.candidateFailed') {
      run.recorder.failed(await journalOf(remote, `${facts.unit}-candidate`));
      await remote.exec(`sudo ${discardReleaseCommand(facts.baseDir, stamp, live)}`, { timeoutMs: 60_000, maxOutputBytes: 4096 });
    } else if (isAppError(error) && (error.code === 'app.buildFailed' || error.code === 'app.fetchFailed')) {
      await remote.exec(`sudo ${discardReleaseCommand(facts.baseDir, stamp, live)}`, { timeoutMs: 60_000, maxOutputBytes: 4096 });
    }
    throw error;
  }
  // Only a release whose candidate answered gets the unit: until then the live service's unit stays as it
  // runs (a daemon-reload by apt, then any restart, would otherwise start the live release with the new command).
  if (plan.runtime !== 'static') await installUnit(remote, facts, plan, meminfo);
  await runRemoteSteps(remote, rest.filter((s: RemoteStep) => s.id === 'switch'), context);
  try {
    await runRemoteSteps(remote, goLive, context);
  } catch (error) {
    run.recorder.failed(await journalOf(remote, facts.unit));
    // The new release went live and does not answer: back to the one that did, with its own unit.
    if (live) {
      await backToLive(remote, facts, live, meminfo);
      await remote.exec(`sudo ${discardReleaseCommand(facts.baseDir, stamp, live)}`, { timeoutMs: 60_000, maxOutputBytes: 4096 });
    }
    throw error;
  }
  run.recorder.failed(undefined);
  await writeReleaseRecord(remote, facts.unit, stamp, { source: run.source, plan });
  const pruned = releasesToPrune(await releases(remote, facts.baseDir), stamp);
  const prune = pruneCommand(facts.baseDir, pruned);
  const records = removeRecordsCommand(facts.unit, pruned);
  if (prune) await remote.exec(`sudo ${prune}${records ? ` && sudo ${records}` : ''}`, { timeoutMs: 120_000, maxOutputBytes: 4096 });
  return { release: stamp };
}

export function deployOperation(deps: AppStepDeps, recorder: DeployRecorder) {
  return defineOperation({
    kind: 'app.deploy',
    step: 'app',
    affects: { steps: ['app', 'web-server', 'https'] },
    async run(input, context) {
      const setup = await deps.setup.get();
      const server = stepServer(setup);
      const facts = appFacts(setup);
      const domain = facts.domain;
      if (!domain) throw new AppError('app.noDomain', 'Choose the domain first.');
      if (!setup.choices.webServer) throw new AppError('app.noWebServer', 'Set up the web server first.');
      const remote = sshRemote(deps.ssh, server.target, input.sessionId);
      // Recorded before anything is made on the server: undo knows what the App step owns even after a crash.
      await deps.setup.update((state) => ({ ...state, resources: { ...state.resources, app: { unit: facts.unit, baseDir: facts.baseDir } } }));
      const { release } = await runDeploy({ deps, recorder, remote, facts: { ...facts, domain }, source: input.source, plan: input.plan, context, target: server.target });
      // The app as deployed: only a release that went live replaces it (a failed one leaves the live app's plan).
      await deps.setup.update((state) => ({
        ...state,
        choices: { ...state.choices, app: { name: facts.name, source: input.source, plan: input.plan, ...(state.choices.app?.timeZone ? { timeZone: state.choices.app.timeZone } : {}) } },
      }));
      const answer = await followSite(deps, remote, siteLayoutOf(input.plan, facts), context);
      if (input.plan.runtime === 'static') await runRemoteSteps(remote, [stopServiceStep(facts.unit)], context);
      context.progress({ phase: 'app:phases.done', fraction: 1 });
      return { release, runtime: input.plan.runtime, ...(answer !== undefined ? { httpStatus: answer } : {}) };
    },
  });
}
