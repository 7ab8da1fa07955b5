/**
 * The runtime from the Ubuntu archive: the plan's packages (python3-venv,
 * gunicorn, nodejs, npm …), git for a repository and curl for the health
 * checks, installed once with apt (so security updates come with the OS).
 * Skipped when every one is installed; the lists are refreshed only when a
 * first try finds nothing to install from.
 */
import type { AppPlanValue, AppSource } from '../../common/contract/schemas/deploy';
import type { RemoteStep } from '../server/remote-steps';

const PACKAGE = /^[a-z0-9][a-z0-9+.-]{1,63}$/;

export function packagesOf(plan: AppPlanValue, source: AppSource): string[] {
  const names = new Set([...plan.packages, 'curl']);
  if (source.kind === 'git') names.add('git');
  return [...names].filter((name) => PACKAGE.test(name)).sort();
}

export function packagesStep(plan: AppPlanValue, source: AppSource): RemoteStep {
  return installPackagesStep(packagesOf(plan, source));
}

/** What reading a repository needs on the server (Test access, inspect). */
export const GIT_PACKAGES = ['curl', 'git'];

/** Installs `names` (valid package names) unless every one is installed already. */
export function installPackagesStep(names: readonly string[]): RemoteStep {
  const list = names.join(' ');
  const install = `sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ${list}`;
  return {
    id: 'packages',
    phase: 'app:phases.packages',
    skipIf: `for p in ${list}; do dpkg-query -W -f='\${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || exit 1; done`,
    command: `${install} || { sudo apt-get update -q && ${install}; }`,
    failure: 'app.packagesFailed',
    timeoutMs: 900_000,
  };
}

/** `apt-cache policy` → the installed and candidate version of each package. */
export function parseAptPolicy(stdout: string): { package: string; installed?: string; candidate?: string }[] {
  const result: { package: string; installed?: string; candidate?: string }[] = [];
  let current: { package: string; installed?: string; candidate?: string } | undefined;
  for (const line of stdout.slice(0, 256 * 1024).split('\n')) {
    const head = /^([a-z0-9][a-z0-9+.-]{1,63}):\s*$/.exec(line);
    if (head?.[1]) {
      current = { package: head[1] };
      result.push(current);
      continue;
    }
    const field = /^\s+(Installed|Candidate):\s*(\S{1,128})\s*$/.exec(line);
    if (!current || !field?.[2] || field[2] === '(none)') continue;
    if (field[1] === 'Installed') current.installed = field[2];
    else current.candidate = field[2];
  }
  return result;
}
