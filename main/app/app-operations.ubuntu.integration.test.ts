/**
 * The App capability's operations end to end on real Ubuntu 24.04 and 26.04
 * machines booted with systemd (main/testing/systemd-server), run the way the
 * product runs them: `createAppCapability(deps)` and each operation's
 * `run(input, context)` with a real SetupStateStore, the product's SSH
 * manager (commands typed into a visible terminal), the Web server step
 * applied first, and the user's view read from outside: the domain through
 * nginx, the step's check, the files and services on the machine.
 *
 * The settings vault and deploy key are test doubles (a real ed25519 key);
 * folders go up through a one-file-at-a-time test adapter of uploadTree.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPlanValue, AppSource } from '../../common/contract/schemas/deploy';
import { isAppError } from '../../common/errors';
import { applyWebServerStep, GIT_URL, neverCancelled, serveGitRepository, startAppMachine, type AppMachine } from '../testing/app/app-machine';
import { skipWithoutSystemdServers } from '../testing/systemd-server/availability';
import { eventually, serveTestApp } from '../testing/systemd-server/machine-app';
import type { UbuntuRelease } from '../testing/systemd-server/ubuntu-machine';
import { shellQuote } from '../server/shell-quote';
import { webServerStep } from '../server/steps/web-server-step';
import { httpsRequest, webServerForm } from '../../common/contract/schemas/server';
import { FailureLedger } from '../server/failure-ledger';
import { issueCertificate } from '../server/https-issue';
import { sshRemote } from '../server/remote';
import { resolverDomainCheck } from '../testing/dns/resolver-domain-check';
import { startPebble } from '../testing/server/pebble';
import { UNATTENDED_CHECK } from './server-care';

const UNIT = 'onramp-site';
const BASE = '/srv/site';

/** A Node app in a folder on this computer: no dependencies, its answer from GREETING; node_modules and .env must stay here. */
async function nodeFolder(text: string, index?: string, main = 'index.js'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-app-folder-'));
  await fs.writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'folder-app', private: true, main })}\n`);
  await fs.writeFile(
    path.join(dir, main),
    index ?? `require('node:http').createServer((q, r) => r.end(${JSON.stringify(text)} + ' greeting=' + process.env.GREETING)).listen(Number(process.env.PORT), '127.0.0.1');\n`,
  );
  await fs.mkdir(path.join(dir, 'node_modules', 'left-pad'), { recursive: true });
  await fs.writeFile(path.join(dir, 'node_modules', 'left-pad', 'index.js'), 'module.exports = 1;\n');
  await fs.writeFile(path.join(dir, '.env'), 'GREETING=from-the-local-env-file\n');
  return dir;
}

const WSGI_APP = `def app(environ, start_response):
    body = b"python from git"
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
`;

describe.skipIf(skipWithoutSystemdServers('the App operations on Ubuntu'))('App operations on real Ubuntu', () => {
  describe.concurrent.each<UbuntuRelease>(['24.04', '26.04'])('Ubuntu %s', (release) => {
    const domain = `app-${release.replace('.', '')}.onramp.test`;
    let fx: AppMachine;
    const folders: string[] = [];
    const live = async () => (await fx.machine.run(`basename "$(readlink ${BASE}/current)"`)).trim();
    const check = async () => fx.app.steps[0]?.check({ setup: await fx.store.get(), signal: neverCancelled });
    const answers = (text: string) => eventually(`the domain to answer ${text}`, fx.answer, (a) => a.status === 200 && a.body.includes(text), 15_000);
    async function deploy(source: AppSource, plan?: AppPlanValue) {
      const chosen = plan ?? (await fx.op('app.inspect', { source })).plan;
      return fx.op('app.deploy', { sessionId: fx.ssh.sessionId, source, plan: chosen });
    }

    beforeAll(async () => {
      fx = await startAppMachine(release, domain);
      await applyWebServerStep(fx);
    }, 300_000);
    afterAll(async () => {
      await fx?.stop();
      for (const dir of folders) await fs.rm(dir, { recursive: true, force: true });
    }, 60_000);

    it.sequential('the static starter: nginx serves the release itself (the site root), and the step check passes', async () => {
      const result = await deploy({ kind: 'starter', runtime: 'static' });
      expect(result).toMatchObject({ runtime: 'static', httpStatus: 200 });
      expect((await answers(`${domain} works`)).body).toContain('static starter');
      expect(await fx.machine.run(`grep -E '^\\s*root ' /etc/nginx/sites-available/${domain}`)).toContain(`${BASE}/current`);
      expect((await fx.store.get()).choices.webServer?.siteRoot).toBe(`${BASE}/current`);
      expect(await check()).toMatchObject({ done: true, detail: { key: 'app:check.answers', values: { domain, release: result.release, status: 200 } } });
      // The Web server step still sees its own site (the file's marker answers from the static root).
      const web = webServerStep({ ssh: fx.deps.ssh, knownHosts: fx.ssh.knownHosts });
      expect(await web.check({ setup: await fx.store.get(), signal: neverCancelled })).toEqual({ done: true, detail: { key: 'server:check.siteAnswers', values: { domain, status: 200 } } });
      // Applied again from its page (whose form knows nothing of the App step), it keeps serving the static app.
      await applyWebServerStep(fx);
      expect((await answers('static starter')).body).toContain(`${domain} works`);
      expect((await fx.store.get()).choices.webServer?.siteRoot).toBe(`${BASE}/current`);
    }, 240_000);

    it.sequential('another program on the app port: the deploy says so before anything runs, instead of answering with that program', async () => {
      await serveTestApp(fx.machine, 'a stray server');
      const refused = await deploy({ kind: 'starter', runtime: 'node' }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({ code: 'app.portTaken', params: { port: 8000 } });
      expect((await fx.answer()).body).toContain(`${domain} works`); // the static site still serves
      await fx.machine.run('sudo systemctl stop onramp-app');
    }, 60_000);

    it.sequential('the Node starter: its own user and unit, nginx proxies to it again, the step check passes', async () => {
      const result = await deploy({ kind: 'starter', runtime: 'node' });
      expect(result).toMatchObject({ runtime: 'node', httpStatus: 200 });
      expect((await answers(`${domain} works`)).body).toContain('node starter');
      expect(await fx.machine.run(`systemctl is-active ${UNIT}; systemctl is-enabled ${UNIT}`)).toBe('active\nenabled\n');
      expect(await fx.machine.run(`ps -o user= -p $(systemctl show -p MainPID --value ${UNIT})`)).toBe(`${UNIT}\n`);
      expect(await fx.machine.run(`grep -cE '^\\s*root ${BASE}' /etc/nginx/sites-available/${domain} || true`)).toBe('0\n');
      expect(await live()).toBe(result.release);
      expect(await check()).toMatchObject({ done: true, detail: { key: 'app:check.answers', values: { release: result.release } } });
      expect(fx.ssh.terminalText()).toContain('systemd-run'); // typed visibly, as the user watches it
      expect(fx.phases.filter((phase) => !/^(app|server):phases\.[a-z][A-Za-z]*$/.test(phase))).toEqual([]);
      // The page's preview is the unit as written; status, and the command that follows the logs.
      const plan = (await fx.store.get()).choices.app?.plan;
      expect(plan?.runtime).toBe('node');
      if (!plan) return;
      const preview = await fx.app.handlers['deploy.previewUnit']({ plan });
      expect(preview).toMatchObject({ unit: UNIT, path: `/etc/systemd/system/${UNIT}.service`, environmentFile: `/etc/onramp/${UNIT}.env` });
      expect(await fx.machine.run(`cat /etc/systemd/system/${UNIT}.service`)).toBe(preview.text);
      expect(await fx.app.handlers['deploy.status']({})).toMatchObject({ state: 'active', unit: UNIT, runtime: 'node', live: result.release });
      expect(await fx.app.handlers['deploy.logsCommand']({})).toEqual({ command: expect.stringContaining(`journalctl -u ${UNIT}`) });
    }, 240_000);

    it.sequential('a Python WSGI app from a private git repository over SSH with the deploy key: test access, inspect, deploy', async () => {
      const key = await fx.app.handlers['deploy.deployKey']({ url: GIT_URL });
      expect(key.place).toEqual({ where: 'other' });
      expect(key.publicKey).toMatch(/^ssh-ed25519 /);
      const commit = await serveGitRepository(fx.machine, key.publicKey ?? '', { 'requirements.txt': '# nothing beyond gunicorn\n', 'app.py': WSGI_APP, '.env.example': 'GREETING=hello\n' });
      expect(await fx.op('app.testAccess', { url: GIT_URL, branch: 'main' })).toEqual({ commit });
      const source = { kind: 'git' as const, url: GIT_URL, branch: 'main' };
      const inspected = await fx.op('app.inspect', { source });
      expect(inspected.plan).toMatchObject({ runtime: 'python', entry: 'app:app', pythonServer: 'gunicorn' });
      expect(inspected.envExample).toEqual([{ name: 'GREETING', secret: false, example: 'hello' }]);
      expect(await fx.machine.run(`sudo test -e ${BASE}/inspect && echo left || echo gone`)).toBe('gone\n');
      // What the user reads when access fails: no such branch, no such repository, the key not (or no longer) accepted.
      const refused = (input: { url: string; branch: string }) => fx.op('app.testAccess', input).then(() => undefined, (error: unknown) => error);
      expect(await refused({ url: GIT_URL, branch: 'nope' })).toMatchObject({ code: 'app.branchNotFound', params: { branch: 'nope' } });
      expect(await refused({ url: GIT_URL.replace('app.git', 'missing.git'), branch: 'main' })).toMatchObject({ code: 'app.repositoryNotFound' });
      await fx.machine.run('sudo mv /home/git/.ssh/authorized_keys /home/git/.ssh/away');
      expect(await refused({ url: GIT_URL, branch: 'main' })).toMatchObject({ code: 'app.deployKeyRefused' });
      await fx.machine.run('sudo mv /home/git/.ssh/away /home/git/.ssh/authorized_keys');
      const result = await deploy(source, inspected.plan);
      expect(result).toMatchObject({ runtime: 'python', httpStatus: 200 });
      await answers('python from git');
      expect(await fx.machine.run(`sudo -u ${UNIT} git -C ${BASE}/current rev-parse HEAD`)).toBe(`${commit}\n`);
      // The deploy key is the app user's for git, but the running app cannot see it.
      expect(await fx.machine.run(`sudo stat -c '%a %U' /etc/onramp/${UNIT}.deploy-key`)).toBe(`600 ${UNIT}\n`);
      const pid = (await fx.machine.run(`systemctl show -p MainPID --value ${UNIT}`)).trim();
      expect((await fx.machine.exec(`sudo nsenter -t ${pid} -m -S $(id -u ${UNIT}) -G $(id -g ${UNIT}) cat /etc/onramp/${UNIT}.deploy-key`)).code).not.toBe(0);
      expect((await fx.machine.exec(`sudo nsenter -t ${pid} -m -S $(id -u ${UNIT}) -G $(id -g ${UNIT}) cat ${BASE}/current/app.py`)).code).toBe(0);
      expect(await check()).toMatchObject({ done: true });
      // One key per setup, asked again; its private half never reached the terminal.
      expect(await fx.app.handlers['deploy.deployKey']({ url: GIT_URL })).toEqual(key);
      expect(fx.ssh.terminalText()).not.toContain('PRIVATE KEY');
    }, 300_000);

    it.sequential('a Node app from a folder on this computer: node_modules and .env stay behind', async () => {
      const dir = await nodeFolder('folder v1');
      folders.push(dir);
      const inspected = await fx.op('app.inspect', { source: { kind: 'folder', path: dir } });
      expect(inspected.plan).toMatchObject({ runtime: 'node', start: '/usr/bin/node index.js', install: [] });
      expect(inspected.upload).toMatchObject({ files: 2 });
      await deploy({ kind: 'folder', path: dir }, inspected.plan);
      expect((await answers('folder v1')).body).toBe('folder v1 greeting=undefined');
      expect(await fx.machine.run(`sudo ls -A ${BASE}/current`)).toBe('index.js\npackage.json\n');
      expect(await fx.machine.run(`sudo find ${BASE}/releases /var/tmp/onramp-upload -name node_modules -o -name .env | wc -l`)).toBe('0\n');
      // The same folder changed and deployed again: the second release goes live.
      await fs.writeFile(path.join(dir, 'index.js'), (await fs.readFile(path.join(dir, 'index.js'), 'utf8')).replace('folder v1', 'folder v2'));
      const again = await deploy({ kind: 'folder', path: dir }, inspected.plan);
      expect((await answers('folder v2')).body).toBe('folder v2 greeting=undefined');
      expect(await live()).toBe(again.release);
    }, 240_000);

    it.sequential('kill -9 of the app: systemd brings it back and the domain answers again', async () => {
      const pid = (await fx.machine.run(`systemctl show -p MainPID --value ${UNIT}`)).trim();
      expect(Number(pid)).toBeGreaterThan(0);
      await fx.machine.run(`sudo kill -9 ${pid}`);
      await eventually('a new main process', () => fx.machine.run(`systemctl show -p MainPID --value ${UNIT}`), (now) => now.trim() !== pid && now.trim() !== '0', 20_000);
      await answers('folder v2');
      expect(await check()).toMatchObject({ done: true });
    }, 60_000);

    it.sequential('a broken release fails as a candidate: the live one keeps serving and deploy.status shows the journal', async () => {
      const before = await live();
      const dir = await nodeFolder('broken', "require('express');\n", 'broken.js');
      folders.push(dir);
      const source = { kind: 'folder' as const, path: dir };
      const failed = await deploy(source).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isAppError(failed) && failed.code).toBe('app.candidateFailed');
      expect(await live()).toBe(before);
      expect((await fx.answer()).body).toBe('folder v2 greeting=undefined');
      // The live service's unit is untouched: a reload and a restart still start the live release.
      expect(await fx.machine.run(`systemctl show -p ExecStart --value ${UNIT}; systemctl show -p NeedDaemonReload --value ${UNIT}`)).toMatch(/node index\.js.*\nno\n$/s);
      const status = await fx.app.handlers['deploy.status']({});
      expect(status).toMatchObject({ state: 'active', live: before, failure: { cause: 'moduleNotFound', detail: 'express' } });
      expect(status.failure?.lines.join('\n')).toMatch(/Cannot find module 'express'/);
      expect(status.releases).toHaveLength(3); // the broken one was discarded: python, v1, v2
      // The setup still records the app that is live, not the broken one.
      expect((await fx.store.get()).choices.app?.source).not.toEqual(source);
    }, 120_000);

    it.sequential('a release that answers as a candidate but not as the service: back to the live release with its own unit', async () => {
      const before = await live();
      // Fails only on the service's port (as a port held by another program would make it fail).
      const dir = await nodeFolder('never', "if (process.env.PORT === '8000') { console.error('port 8000 refused'); process.exit(1); }\nrequire('node:http').createServer((q, r) => r.end('never')).listen(Number(process.env.PORT), '127.0.0.1');\n", 'server.js');
      folders.push(dir);
      const failed = await deploy({ kind: 'folder', path: dir }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isAppError(failed) && failed.code).toBe('app.noAnswer');
      expect(await live()).toBe(before);
      expect((await answers('folder v2')).body).toBe('folder v2 greeting=undefined');
      expect(await fx.machine.run(`systemctl show -p ExecStart --value ${UNIT}`)).toContain('/usr/bin/node index.js');
      expect((await fx.app.handlers['deploy.status']({})).failure?.lines.join('\n')).toContain('port 8000 refused');
      expect((await fx.app.handlers['deploy.status']({})).releases).toHaveLength(3); // the failed release is gone
    }, 150_000);

    it.sequential('rollback: the previous release is live again, answering its own text', async () => {
      const before = await live();
      const result = await fx.op('app.rollback', { sessionId: fx.ssh.sessionId });
      expect(result.release).not.toBe(before);
      expect(await live()).toBe(result.release);
      expect((await answers('folder v1')).body).toBe('folder v1 greeting=undefined');
      expect(await check()).toMatchObject({ done: true, detail: { values: { release: result.release } } });
    }, 120_000);

    it.sequential('a secret setting: the app reads it after the restart; the file is 0600 root and the value is nowhere in logs or the terminal', async () => {
      // Quotes, a dollar, a backslash and Korean: the value the app reads is the value typed, byte for byte.
      const unique = `s3cr3t-${release}-${Date.now()}`;
      const secret = `${unique} "q" $HOME \\ 비밀`;
      expect(await fx.op('app.setEnv', { sessionId: fx.ssh.sessionId, settings: [{ name: 'GREETING', secret: true, value: secret }] })).toEqual({ count: 1, restarted: true });
      expect((await answers(secret)).body).toBe(`folder v1 greeting=${secret}`);
      expect(await fx.machine.run(`sudo stat -c '%a %U %G' /etc/onramp/${UNIT}.env`)).toBe('600 root root\n');
      expect(await fx.machine.run(`sudo journalctl --no-pager -o cat | grep -cF -- ${shellQuote(unique)} || true`)).toBe('0\n');
      expect(fx.ssh.terminalText()).not.toContain(unique);
      expect(await fx.app.handlers['deploy.settings']({})).toEqual({ settings: [{ name: 'GREETING', secret: true }] });
      // Kept on the next deploy: the release after it reads the same value.
      await deploy({ kind: 'folder', path: folders[0] ?? '' });
      expect((await answers('folder v2')).body).toBe(`folder v2 greeting=${secret}`);
    }, 180_000);

    it.sequential('day-one care: the time zone is set, security updates are on, and no swap is added on a large machine', async () => {
      const memory = await fx.machine.run("grep -E '^(MemTotal|SwapTotal):' /proc/meminfo");
      const result = await fx.op('app.care', { sessionId: fx.ssh.sessionId, timeZone: 'Asia/Seoul' });
      expect(result.timeZone).toBe('Asia/Seoul');
      expect(await fx.machine.run('readlink /etc/localtime')).toMatch(/zoneinfo\/Asia\/Seoul\n$/);
      expect(await fx.machine.run('timedatectl show -p Timezone --value')).toBe('Asia/Seoul\n');
      expect(await fx.machine.run('cat /etc/timezone 2>/dev/null || echo none')).toMatch(/^(Asia\/Seoul|none)\n$/);
      expect(await fx.machine.run('date +%Z')).toBe('KST\n');
      expect(result.unattendedUpgrades).toBe(true);
      expect((await fx.machine.exec(UNATTENDED_CHECK)).code).toBe(0);
      // More than 2 GiB of memory: nothing added, and the swap reported is the machine's own.
      expect(Number(/^MemTotal:\s+(\d+)/m.exec(memory)?.[1]) * 1024).toBeGreaterThan(2 * 1024 ** 3);
      expect(result.swapBytes).toBe(Number(/^SwapTotal:\s+(\d+)/m.exec(memory)?.[1]) * 1024);
      expect(await fx.machine.run('test -e /swapfile && echo made || echo none')).toBe('none\n');
      expect((await fx.store.get()).choices.app?.timeZone).toBe('Asia/Seoul');
      // Run again: nothing changes and it still holds.
      expect(await fx.op('app.care', { sessionId: fx.ssh.sessionId, timeZone: 'Asia/Seoul' })).toEqual(result);
    }, 300_000);

    it.sequential('across runtimes: a static site stops the app service, and rollback brings back each release as it was deployed', async () => {
      const node = await live();
      const nodeText = (await fx.answer()).body;
      expect(nodeText).toMatch(/^folder v2 greeting=s3cr3t-/);
      // Static over the Node app: nginx serves the folder and the service no longer runs (nor starts after a reboot).
      const site = await deploy({ kind: 'starter', runtime: 'static' });
      expect((await answers('static starter')).body).toContain(`${domain} works`);
      expect(await fx.machine.run(`systemctl is-active ${UNIT}; systemctl is-enabled ${UNIT}; true`)).toBe('inactive\ndisabled\n');
      expect(await check()).toMatchObject({ done: true, detail: { values: { release: site.release } } });
      // A Python app on top, then back twice: to the static site (service stopped again), then to Node (its own unit again).
      await deploy({ kind: 'git', url: GIT_URL, branch: 'main' });
      await answers('python from git');
      expect(await fx.op('app.rollback', { sessionId: fx.ssh.sessionId })).toEqual({ release: site.release });
      expect((await answers('static starter')).body).toContain(`${domain} works`);
      expect(await fx.machine.run(`systemctl is-active ${UNIT}; true`)).toBe('inactive\n');
      expect((await fx.store.get()).choices.app?.plan.runtime).toBe('static');
      expect(await check()).toMatchObject({ done: true, detail: { values: { release: site.release } } });
      expect(await fx.op('app.rollback', { sessionId: fx.ssh.sessionId })).toEqual({ release: node });
      expect((await answers('folder v2')).body).toBe(nodeText);
      expect(await fx.machine.run(`systemctl show -p ExecStart --value ${UNIT}`)).toContain('/usr/bin/node index.js');
      expect(await fx.machine.run(`systemctl is-enabled ${UNIT}`)).toBe('enabled\n');
      expect((await fx.store.get()).choices.app).toMatchObject({ source: { kind: 'folder' }, plan: { runtime: 'node' } });
      expect(await check()).toMatchObject({ done: true, detail: { values: { release: node } } });
    }, 240_000);

    it.sequential('undo (app.remove) of a static app: the site proxies again, and the unit, user, folders, settings file, key and records are gone', async () => {
      await deploy({ kind: 'starter', runtime: 'static' });
      expect((await fx.store.get()).choices.webServer?.siteRoot).toBe(`${BASE}/current`);
      expect(await fx.op('app.remove', { sessionId: fx.ssh.sessionId })).toEqual({ removed: true });
      const gone = await fx.machine.run(
        `for p in ${BASE} /etc/systemd/system/${UNIT}.service /etc/onramp/${UNIT}.env /etc/onramp/${UNIT}.deploy-key /etc/onramp/${UNIT}.known_hosts /etc/onramp/${UNIT}.releases /var/tmp/onramp-upload/${UNIT}; do sudo test -e $p && echo "left $p"; done; id -u ${UNIT} 2>/dev/null || echo 'no user'`,
      );
      expect(gone).toBe('no user\n');
      expect(await fx.machine.run(`grep -cE '^\\s*root ${BASE}' /etc/nginx/sites-available/${domain} || true`)).toBe('0\n');
      expect((await fx.answer()).status).toBe(502); // the Web server step's site stays, with nothing behind it
      const state = await fx.store.get();
      expect(state.choices.app).toBeUndefined();
      expect(state.resources.app).toBeUndefined();
      expect(state.choices.webServer?.siteRoot).toBeUndefined();
      expect(await check()).toEqual({ done: false, detail: { key: 'app:check.notDeployed' } });
      expect(await fx.op('app.remove', { sessionId: fx.ssh.sessionId })).toEqual({ removed: false });
    }, 120_000);

    it.sequential('after HTTPS, a redeploy keeps HTTPS as the site moves between the static root and the proxy', async () => {
      await deploy({ kind: 'starter', runtime: 'static' });
      const pebble = await startPebble({ listenHost: fx.machine.hostAddress, answerIPv4: fx.machine.host });
      try {
        // The Web server form as the HTTPS operation reads it from the setup (with the static root).
        const { edited: _edited, ...saved } = (await fx.store.get()).choices.webServer ?? { edited: false };
        const savedForm = webServerForm.parse(saved);
        expect(savedForm.siteRoot).toBe(`${BASE}/current`);
        const request = httpsRequest.parse({ domain, email: `admin@${domain}`, acme: { directoryUrl: pebble.directoryUrl, caPem: await pebble.caBundle() } });
        const issued = await issueCertificate(
          request,
          { remote: sshRemote(fx.deps.ssh, fx.ssh.target, fx.ssh.sessionId), host: fx.machine.host, byo: true, domainCheck: resolverDomainCheck([`${pebble.dns.host}:${pebble.dns.port}`]), ledger: new FailureLedger(), webServer: savedForm },
          { signal: neverCancelled, progress: () => undefined },
        );
        expect(issued.issued).toBe(true);
        const overHttps = () => fx.machine.run(`curl -sk -m 5 --resolve ${domain}:443:127.0.0.1 https://${domain}/`);
        const redirect = () => fx.machine.run(`curl -s -m 5 -o /dev/null -w '%{http_code}' -H 'Host: ${domain}' http://127.0.0.1/`);
        await eventually('the static site over HTTPS', overHttps, (body) => body.includes('static starter'));
        expect(await deploy({ kind: 'starter', runtime: 'node' })).toMatchObject({ runtime: 'node' });
        await eventually('the Node starter over HTTPS', overHttps, (body) => body.includes('node starter'));
        expect(await redirect()).toBe('301');
        await deploy({ kind: 'starter', runtime: 'static' });
        await eventually('the static site over HTTPS again', overHttps, (body) => body.includes('static starter'));
        expect(await redirect()).toBe('301');
        expect(await check()).toMatchObject({ done: true });
      } finally {
        await pebble.stop();
      }
    }, 300_000);
  });
});
