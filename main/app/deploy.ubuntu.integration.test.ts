/**
 * The App step's deploy core on real Ubuntu 24.04 and 26.04 machines booted
 * with systemd (main/testing/systemd-server): the runtimes from the Ubuntu
 * archive, the starter as a release under its own system user and unit, the
 * service back after kill -9, a broken release that never replaces the live
 * one, rollback, and a changed setting read after the restart. The steps run
 * on an exec channel here; the product types the same commands visibly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithoutSystemdServers } from '../testing/systemd-server/availability';
import { startUbuntuMachine, type UbuntuMachine, type UbuntuRelease } from '../testing/systemd-server/ubuntu-machine';
import type { RemoteStep } from '../server/remote-steps';
import { shellQuote } from '../server/shell-quote';
import { deploySteps, restartCommand } from './deploy-steps';
import { renderEnvFile } from './env-file';
import { currentReleaseCommand, discardReleaseCommand, listReleasesCommand, parseReleaseList, previousRelease, switchCurrentCommand } from './releases';
import { detectRuntime, type AppPlan } from './runtime-plan';
import { starterFiles, type StarterFile } from './starter';
import { appUnitName, environmentFilePath, renderUnit } from './systemd-unit';
import { diagnoseJournal, journalTailCommand } from './failure-causes';

/** Writes a file as root would (the product uploads over SFTP, then `sudo install`s a regular file). */
const put = (machine: UbuntuMachine, path: string, content: string, mode = '644', owner = 'root') => {
  const target = shellQuote(path);
  return machine.run(`echo ${Buffer.from(content).toString('base64')} | base64 -d | sudo tee ${target} >/dev/null && sudo chmod ${mode} ${target} && sudo chown ${owner}:${owner} ${target}`);
};

/** Runs the steps as the product does: skip what holds, run the command, stop at the first failure. */
async function runSteps(machine: UbuntuMachine, steps: RemoteStep[]): Promise<{ failed?: string }> {
  for (const step of steps) {
    if (step.skipIf && (await machine.exec(step.skipIf)).code === 0) continue;
    const result = await machine.exec(step.command, step.timeoutMs ?? 300_000);
    if (result.code !== 0) return { failed: step.failure };
  }
  return {};
}

/** The starter with one file replaced. */
function withFile(files: StarterFile[], path: string, content: string): StarterFile[] {
  return [...files.filter((f) => f.path !== path), { path, content }];
}

function plan(files: StarterFile[]): AppPlan {
  const map = new Map(files.map((f) => [f.path, f.content]));
  return detectRuntime({ names: new Set(map.keys()), read: (name) => map.get(name) });
}

describe.skipIf(skipWithoutSystemdServers('the App deploy tests'))('App deploy on real Ubuntu', () => {
  describe.concurrent.each<UbuntuRelease>(['24.04', '26.04'])('Ubuntu %s', (release) => {
    let machine: UbuntuMachine;
    const unit = appUnitName('site');
    const baseDir = '/srv/site';
    let stamp = 20261207100000;
    const nextStamp = () => `${String(stamp++).slice(0, 8)}T${String(stamp).slice(8)}Z`;

    async function deploy(files: StarterFile[], appPlan: AppPlan, port = 8000): Promise<{ failed?: string; release: string }> {
      const release = nextStamp();
      const dir = `${baseDir}/releases/${release}`;
      const [user, ...rest] = deploySteps({ unit, baseDir, stamp: release, plan: appPlan, port, candidatePort: 18000, healthSeconds: 20 });
      if (!user) throw new Error('no user step');
      const made = await runSteps(machine, [user]);
      if (made.failed) return { ...made, release };
      // The files of the release (the product uploads them over SFTP as the app's user).
      await machine.run(`sudo install -d -o ${unit} -g ${unit} ${dir}`);
      for (const file of files) await put(machine, `${dir}/${file.path}`, file.content, '644', unit);
      await put(machine, `/etc/systemd/system/${unit}.service`, renderUnit({ name: unit, baseDir, port, plan: appPlan, memoryMaxMb: 256 }));
      return { ...(await runSteps(machine, rest)), release };
    }
    const answer = () => machine.run('curl -fsS -m 5 http://127.0.0.1:8000/');

    beforeAll(async () => {
      machine = await startUbuntuMachine({ release });
      // The runtimes from the Ubuntu archive, through the test forwarder, as the plan lists them.
      const packages = [...new Set([...plan(starterFiles('node', 'x')).packages, ...plan(starterFiles('python', 'x')).packages])];
      await machine.run('sudo apt-get update -q 2>&1', 240_000);
      await machine.run(`sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ${packages.join(' ')} 2>&1`, 480_000);
    }, 600_000);
    afterAll(async () => {
      await machine?.stop();
    }, 60_000);

    it.sequential('deploys the Node starter: its own user and unit, enabled, answering on 127.0.0.1:8000', async () => {
      const files = starterFiles('node', `${release}.onramp.test`);
      const result = await deploy(files, plan(files));
      expect(result.failed).toBeUndefined();
      expect(await answer()).toContain(`${release}.onramp.test works`);
      expect(await machine.run(`systemctl is-enabled ${unit}`)).toBe('enabled\n');
      expect(await machine.run(`ps -o user= -p $(systemctl show -p MainPID --value ${unit})`)).toBe(`${unit}\n`);
      expect((await machine.exec(`getent passwd ${unit}`)).stdout).toMatch(/:\/usr\/sbin\/nologin\n$/);
      expect(await machine.run(currentReleaseCommand(baseDir))).toBe(`${result.release}\n`);
    }, 240_000);

    it.sequential('comes back after kill -9 (Restart=always)', async () => {
      const pid = (await machine.run(`systemctl show -p MainPID --value ${unit}`)).trim();
      await machine.run(`sudo kill -9 ${pid}`);
      const deadline = Date.now() + 20_000;
      for (;;) {
        const now = (await machine.run(`systemctl show -p MainPID --value ${unit}`)).trim();
        if (now !== pid && now !== '0' && (await machine.exec('curl -fsS -m 2 http://127.0.0.1:8000/')).code === 0) break;
        if (Date.now() > deadline) throw new Error('the app did not come back');
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      expect(await answer()).toContain('works');
    }, 60_000);

    it.sequential('a broken release fails as a candidate and the previous one keeps serving; its journal names the cause', async () => {
      const live = (await machine.run(currentReleaseCommand(baseDir))).trim();
      const broken = withFile(starterFiles('node', 'broken'), 'server.js', "require('express');\n");
      const result = await deploy(broken, plan(broken));
      expect(result.failed).toBe('app.candidateFailed');
      expect(await machine.run(currentReleaseCommand(baseDir))).toBe(`${live}\n`);
      expect(await answer()).toContain(`${release}.onramp.test works`);
      const journal = await machine.run(`sudo ${journalTailCommand(`${unit}-candidate`)}`);
      expect(diagnoseJournal(journal)).toMatchObject({ cause: 'moduleNotFound', detail: 'express' });
      // The operation removes a release that never went live, so rollback never offers it.
      await machine.run(`sudo ${discardReleaseCommand(baseDir, result.release, live)}`);
    }, 120_000);

    it.sequential('a setting changed in the environment file is read after the restart', async () => {
      const files = withFile(starterFiles('node', 'env'), 'server.js', "require('node:http').createServer((q, r) => r.end('greeting=' + process.env.GREETING)).listen(Number(process.env.PORT), '127.0.0.1');\n");
      await put(machine, environmentFilePath(unit), renderEnvFile(new Map([['GREETING', 'hello "world" $HOME']])), '600');
      expect(await machine.run(`sudo stat -c '%a %U' ${environmentFilePath(unit)}`)).toBe('600 root\n');
      expect((await deploy(files, plan(files))).failed).toBeUndefined();
      expect(await answer()).toBe('greeting=hello "world" $HOME');
      await put(machine, environmentFilePath(unit), renderEnvFile(new Map([['GREETING', 'changed']])), '600');
      await machine.run(restartCommand(unit));
      await machine.run(`for i in $(seq 40); do curl -fsS -m 1 http://127.0.0.1:8000/ >/dev/null && exit 0; sleep 0.25; done; exit 1`);
      expect(await answer()).toBe('greeting=changed');
    }, 120_000);

    it.sequential('rolls back in one switch and a restart, to the newest older release', async () => {
      const releases = parseReleaseList(await machine.run(listReleasesCommand(baseDir)));
      const live = (await machine.run(currentReleaseCommand(baseDir))).trim();
      expect(releases).toHaveLength(2); // the starter and the settings release; the broken one was discarded
      const target = previousRelease(releases, live);
      expect(target).toBe(releases[0]);
      await machine.run(`sudo sh -c ${shellQuote(switchCurrentCommand(baseDir, target ?? ''))} && { ${restartCommand(unit)}; }`);
      await machine.run(`for i in $(seq 40); do curl -fsS -m 1 http://127.0.0.1:8000/ >/dev/null && exit 0; sleep 0.25; done; exit 1`);
      expect(await answer()).toContain(`${release}.onramp.test works`);
    }, 60_000);

    it.sequential('deploys the Python starter under gunicorn from the Ubuntu archive', async () => {
      const files = starterFiles('python', `py-${release}.onramp.test`);
      const result = await deploy(files, plan(files));
      expect(result.failed).toBeUndefined();
      expect(await answer()).toContain(`py-${release}.onramp.test works`);
      expect(await machine.run(`systemctl show -p ExecStart --value ${unit}`)).toMatch(/python -m gunicorn/);
    }, 240_000);
  });
});
