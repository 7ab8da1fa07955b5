/**
 * The App step's smaller operations: rollback (one switch and a restart),
 * settings (vault, then the 0600 file, then a restart), "Test access"
 * (`git ls-remote` with the deploy key), and undo (what the step made: the
 * unit, its user, its folder, its settings file and deploy key).
 */
import { AppError } from '../../common/errors';
import { defineOperation } from '../setup/operation';
import { sshRemote, visibleOrFail } from '../server/remote';
import { runRemoteSteps } from '../server/remote-steps';
import { shellQuote } from '../server/shell-quote';
import { stepServer } from '../server/step-server';
import type { AppStepDeps } from './app-deps';
import { appFacts } from './app-facts';
import { gitSourceOf, prepareGitAccess } from './code-source';
import { installUnit, liveRelease, readMeminfo } from './deploy-operation';
import { restartCommand, waitForAnswerCommand } from './deploy-steps';
import { environmentFilePath } from './systemd-unit';
import { ENV_NAME, renderEnvFile, RESERVED_ENV } from './env-file';
import { deployKeyPath, knownHostsPath, lsRemoteCommand } from './git-source';
import { listReleasesCommand, parseReleaseList, previousRelease, switchCurrentCommand } from './releases';
import { ensureStagingRoot, installFile } from './remote-files';
import { readReleaseRecord, releaseRecordsDir, samePlan, stopServiceStep } from './release-records';
import { followSite, siteLayoutOf } from './site-follow';

export function rollbackOperation(deps: AppStepDeps) {
  return defineOperation({
    kind: 'app.rollback',
    step: 'app',
    affects: { steps: ['app', 'web-server', 'https'] },
    async run(input, context) {
      const setup = await deps.setup.get();
      const app = setup.choices.app;
      if (!app) throw new AppError('app.notDeployed', 'No app deployed yet.');
      const facts = appFacts(setup);
      const remote = sshRemote(deps.ssh, stepServer(setup).target, input.sessionId);
      const live = await liveRelease(remote, facts.baseDir);
      const stamps = parseReleaseList((await remote.exec(listReleasesCommand(facts.baseDir), { timeoutMs: 30_000, maxOutputBytes: 64 * 1024 })).stdout);
      const target = previousRelease(stamps, live);
      if (!target) throw new AppError('app.noPreviousRelease', 'There is no older release to go back to.');
      // The release as it was deployed: another runtime or command needs its own unit (and site) back.
      const record = await readReleaseRecord(remote, facts.unit, target);
      const plan = record?.plan ?? app.plan;
      if (plan.runtime !== 'static' && !samePlan(plan, app.plan)) {
        context.progress({ phase: 'app:phases.unit', fraction: null });
        await ensureStagingRoot(remote);
        await installUnit(remote, facts, plan, await readMeminfo(remote));
        await visibleOrFail(remote, `sudo systemctl daemon-reload && sudo systemctl enable ${facts.unit}`, 'app.restartFailed');
      }
      context.progress({ phase: 'app:phases.switch', fraction: null });
      await visibleOrFail(remote, `sudo sh -c ${shellQuote(switchCurrentCommand(facts.baseDir, target))}`, 'app.switchFailed');
      if (plan.runtime !== 'static') {
        context.progress({ phase: 'app:phases.restart', fraction: null });
        await visibleOrFail(remote, restartCommand(facts.unit), 'app.restartFailed');
        await visibleOrFail(remote, waitForAnswerCommand(facts.port, 45), 'app.noAnswer', {}, 60_000);
      }
      await followSite(deps, remote, siteLayoutOf(plan, facts), context);
      if (plan.runtime === 'static') await runRemoteSteps(remote, [stopServiceStep(facts.unit)], context);
      await deps.setup.update((state) => (state.choices.app ? { ...state, choices: { ...state.choices, app: { ...state.choices.app, source: record?.source ?? state.choices.app.source, plan } } } : state));
      context.progress({ phase: 'app:phases.done', fraction: 1 });
      return { release: target };
    },
  });
}

export function setEnvOperation(deps: AppStepDeps) {
  return defineOperation({
    kind: 'app.setEnv',
    step: 'app',
    affects: { steps: ['app'] },
    async run(input, context) {
      const setup = await deps.setup.get();
      const stored = await deps.settings.read(setup.resources.appSettingsItemId);
      const values = new Map<string, string>();
      const secretNames = new Set<string>();
      for (const setting of input.settings) {
        if (!ENV_NAME.test(setting.name) || RESERVED_ENV.has(setting.name)) throw new AppError('app.reservedSetting', 'This name is set by Onramp.', { name: setting.name });
        // A secret's value is never sent back to the page, so "no value" means "keep the stored one".
        const value = setting.value ?? stored.values.get(setting.name);
        if (value === undefined) throw new AppError('app.settingWithoutValue', 'A new setting needs a value.', { name: setting.name });
        values.set(setting.name, value);
        if (setting.secret) secretNames.add(setting.name);
      }
      context.progress({ phase: 'app:phases.vault', fraction: null });
      const itemId = await deps.settings.write(setup.resources.appSettingsItemId, values, secretNames);
      if (itemId !== setup.resources.appSettingsItemId) await deps.setup.update((state) => ({ ...state, resources: { ...state.resources, appSettingsItemId: itemId } }));
      const app = setup.choices.app;
      if (!app || !setup.resources.app) return { count: values.size, restarted: false };
      const facts = appFacts(setup);
      const remote = sshRemote(deps.ssh, stepServer(setup).target, input.sessionId);
      context.progress({ phase: 'app:phases.settings', fraction: null });
      await ensureStagingRoot(remote);
      await installFile(remote, environmentFilePath(facts.unit), renderEnvFile(values), { mode: '600', owner: 'root' });
      if (app.plan.runtime === 'static') return { count: values.size, restarted: false };
      context.progress({ phase: 'app:phases.restart', fraction: null });
      await visibleOrFail(remote, restartCommand(facts.unit), 'app.restartFailed');
      await visibleOrFail(remote, waitForAnswerCommand(facts.port, 45), 'app.noAnswer', {}, 60_000);
      return { count: values.size, restarted: true };
    },
  });
}

export function testAccessOperation(deps: AppStepDeps) {
  return defineOperation({
    kind: 'app.testAccess',
    step: 'app',
    async run(input, context) {
      const setup = await deps.setup.get();
      const url = gitSourceOf(input);
      const facts = appFacts(setup);
      const remote = sshRemote(deps.ssh, stepServer(setup).target);
      await prepareGitAccess(deps, remote, facts, url, context);
      context.progress({ phase: 'app:phases.testAccess', fraction: null });
      const result = await remote.exec(`sudo -u ${facts.unit} -H ${lsRemoteCommand(url, input.branch, facts.unit)}`, { timeoutMs: 60_000, maxOutputBytes: 64 * 1024 });
      if (result.code !== 0) {
        if (/Permission denied|publickey/i.test(result.stderr)) throw new AppError('app.deployKeyRefused', 'The repository refused the deploy key.');
        if (/not found|does not appear to be a git repository|Could not resolve host/i.test(result.stderr)) throw new AppError('app.repositoryNotFound', 'No repository at that address.');
        throw new AppError('app.accessDenied', 'The server could not read the repository.', { exitCode: result.code ?? 255 });
      }
      const commit = /^([0-9a-f]{40,64})\s/m.exec(result.stdout)?.[1];
      if (!commit) throw new AppError('app.branchNotFound', 'The repository has no such branch.', { branch: input.branch });
      return { commit };
    },
  });
}

export function removeOperation(deps: AppStepDeps) {
  return defineOperation({
    kind: 'app.remove',
    step: 'app',
    affects: { steps: ['app', 'web-server'] },
    async run(input, context) {
      const setup = await deps.setup.get();
      const made = setup.resources.app;
      if (!made) return { removed: false };
      const { unit, baseDir } = made;
      if (!/^onramp-[a-z0-9][a-z0-9-]{0,40}$/.test(unit) || !/^\/srv\/[a-z0-9][a-z0-9-]{0,62}$/.test(baseDir)) throw new AppError('app.notDeployed', 'Not an app this setup made.');
      const remote = sshRemote(deps.ssh, stepServer(setup).target, input.sessionId);
      // A static app's folder is the nginx site's root: the site goes back to the proxy before the folder goes.
      if (setup.choices.webServer?.siteRoot) await followSite(deps, remote, {}, context);
      context.progress({ phase: 'app:phases.remove', fraction: null });
      const files = [`/etc/systemd/system/${unit}.service`, environmentFilePath(unit), deployKeyPath(unit), knownHostsPath(unit)].map(shellQuote).join(' ');
      await visibleOrFail(
        remote,
        `sudo systemctl disable --now ${unit} 2>/dev/null; sudo rm -f ${files} && sudo systemctl daemon-reload && sudo rm -rf -- ${shellQuote(baseDir)} /var/tmp/onramp-upload/${unit} ${shellQuote(releaseRecordsDir(unit))} && { ! id -u ${unit} >/dev/null 2>&1 || sudo userdel ${unit}; }`,
        'app.removeFailed',
      );
      await deps.setup.update((state) => {
        const { app: _app, ...resources } = state.resources;
        const { app: _choice, ...choices } = state.choices;
        return { ...state, resources, choices };
      });
      return { removed: true };
    },
  });
}
