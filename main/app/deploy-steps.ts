/**
 * One deploy as remote steps (the server capability's `RemoteStep` shape:
 * check first and skip what holds, the command typed visibly, the error that
 * explains a failure). Order: the app's user and folders → the code in a new
 * release → install and build as the app's user → the unit → a candidate on a
 * spare port must answer → switch `current` → restart → prune. The settings
 * file and the unit's text are uploaded by the operation itself (SFTP, then
 * `sudo install`), never typed, so no value of a setting reaches the terminal.
 */
import type { RemoteStep } from '../server/remote-steps';
import { shellQuote } from '../server/shell-quote';
import type { AppPlan } from './runtime-plan';
import { releaseDir, switchCurrentCommand } from './releases';
import { environmentFilePath } from './systemd-unit';

export interface DeployInput {
  unit: string;
  baseDir: string;
  stamp: string;
  plan: AppPlan;
  port: number;
  /** The port the candidate answers on before the switch (not the app's port). */
  candidatePort: number;
  /** Fills the release folder: a clone command, or undefined when the files were uploaded already. */
  fetchCommand?: string;
  /** Seconds the candidate has to answer (bounded). */
  healthSeconds: number;
}

/**
 * Exit 0 when another program listens on the app's port while the app's service is not running:
 * the service would fail to bind it, and the answer on the port would be that program's.
 */
export function portTakenCheck(unit: string, port: number): string {
  return `ss -ltnH 'sport = :${port}' | grep -q . && ! systemctl is-active --quiet ${unit}`;
}

/** Runs a command as the app's user in a folder (a login shell is refused to that user; sh -c is used). */
export function asAppUser(unit: string, dir: string, command: string): string {
  return `sudo -u ${unit} -H sh -c ${shellQuote(`cd ${shellQuote(dir)} && ${command}`)}`;
}

/**
 * Restarts the app. `reset-failed` first: the unit's start limit (5 starts a minute, so a crash loop
 * stops) also counts deliberate restarts, and a second deploy or rollback within the minute must not
 * be refused for it.
 */
export function restartCommand(unit: string): string {
  return `sudo systemctl reset-failed ${unit} 2>/dev/null; sudo systemctl restart ${unit}`;
}

/**
 * Polls `http://127.0.0.1:<port>/` until any answer below 500, for at most `seconds`. In a
 * subshell: the command is typed into the user's terminal, and a bare `exit` would close it.
 */
export function waitForAnswerCommand(port: number, seconds: number, whileActive?: string): string {
  const tries = Math.max(1, Math.min(Math.round(seconds * 2), 600));
  // A unit that has already exited will not answer: stop waiting then, not after the whole bound.
  const alive = whileActive ? ` systemctl is-active --quiet ${whileActive} || exit 1;` : '';
  return `(for i in $(seq ${tries}); do c=$(curl -s -o /dev/null -m 2 -w '%{http_code}' http://127.0.0.1:${port}/); [ "$c" -ge 100 ] 2>/dev/null && [ "$c" -lt 500 ] && exit 0;${alive} sleep 0.5; done; exit 1)`;
}

function candidateCommand(input: DeployInput, release: string): string {
  const start = input.plan.start.replace(/\$PORT\b/g, String(input.candidatePort));
  const exec = start.startsWith('/') ? start : `${release}/${start}`;
  return [
    `sudo systemd-run --quiet --collect --unit ${input.unit}-candidate --uid ${input.unit} --gid ${input.unit}`,
    `-p WorkingDirectory=${release} -p EnvironmentFile=-${environmentFilePath(input.unit)} -p InaccessiblePaths=-/etc/onramp`,
    // The environment the unit gives the app (systemd-unit.ts), so the rehearsal runs as the service will.
    `--setenv=PORT=${input.candidatePort} ${input.plan.runtime === 'node' ? '--setenv=NODE_ENV=production' : '--setenv=PYTHONUNBUFFERED=1'} ${exec}`,
  ].join(' ');
}

/** The app's own system user (no login) and its folders; skipped when they exist. Every deploy starts here, and so does git access. */
export function appUserStep(unit: string, baseDir: string): RemoteStep {
  return {
    id: 'user',
    phase: 'app:phases.user',
    skipIf: `id -u ${unit} >/dev/null 2>&1 && test -d ${baseDir}/releases`,
    command: `sudo useradd --system --home-dir ${baseDir} --shell /usr/sbin/nologin ${unit} 2>/dev/null; sudo install -d -o ${unit} -g ${unit} -m 755 ${baseDir} ${baseDir}/releases && sudo install -d -m 700 /etc/onramp`,
    failure: 'app.userFailed',
  };
}

export function deploySteps(input: DeployInput): RemoteStep[] {
  const release = releaseDir(input.baseDir, input.stamp);
  const { unit, baseDir, plan } = input;
  const steps: RemoteStep[] = [appUserStep(unit, baseDir)];
  if (input.fetchCommand) {
    steps.push({ id: 'fetch', phase: 'app:phases.fetch', skipIf: `test -e ${release}/.onramp-fetched`, command: `sudo -u ${unit} -H ${input.fetchCommand} && sudo -u ${unit} touch ${release}/.onramp-fetched`, failure: 'app.fetchFailed', timeoutMs: 600_000 });
  }
  for (const [index, command] of [...plan.install, ...plan.build].entries()) {
    steps.push({ id: `build-${index}`, phase: index < plan.install.length ? 'app:phases.install' : 'app:phases.build', command: asAppUser(unit, release, command), failure: 'app.buildFailed', timeoutMs: 1_200_000 });
  }
  if (plan.runtime !== 'static') {
    // A subshell: `exit $r` typed into the user's terminal would close it.
    steps.push(
      { id: 'candidate', phase: 'app:phases.candidate', command: `(sudo systemctl stop ${unit}-candidate 2>/dev/null; ${candidateCommand(input, release)} && ${waitForAnswerCommand(input.candidatePort, input.healthSeconds, `${unit}-candidate`)}; r=$?; sudo systemctl stop ${unit}-candidate 2>/dev/null; exit $r)`, failure: 'app.candidateFailed', timeoutMs: (input.healthSeconds + 30) * 1000 },
    );
  }
  steps.push({ id: 'switch', phase: 'app:phases.switch', command: `sudo sh -c ${shellQuote(switchCurrentCommand(baseDir, input.stamp))}`, failure: 'app.switchFailed' });
  if (plan.runtime !== 'static') {
    steps.push(
      { id: 'restart', phase: 'app:phases.restart', command: `sudo systemctl daemon-reload && sudo systemctl enable ${unit} && { ${restartCommand(unit)}; }`, failure: 'app.restartFailed' },
      { id: 'answer', phase: 'app:phases.answer', command: waitForAnswerCommand(input.port, input.healthSeconds), failure: 'app.noAnswer', timeoutMs: (input.healthSeconds + 10) * 1000 },
    );
  }
  return steps;
}
