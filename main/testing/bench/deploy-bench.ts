/**
 * `npm run bench:deploy`: how long the App step's deploy takes on a real
 * Ubuntu machine booted with systemd (main/testing/systemd-server), run as the
 * product runs it (main/testing/app/app-machine.ts: the App capability's
 * operations, the product's SSH manager typing into a terminal, the Web
 * server step applied first, outside the clock).
 *
 * - `deploy_s`: the Node starter on a fresh machine, from the start of
 *   `app.deploy` to the domain answering through nginx with the starter page
 *   (nodejs comes from the Ubuntu archive through the test's apt forwarder);
 * - `redeploy_s`: then a small Node app from a folder on this computer, from
 *   the start of `app.deploy` to the domain answering with its text.
 *
 * Ubuntu 24.04 unless ONRAMP_BENCH_UBUNTU=26.04. Needs root (like the
 * integration tests). Folder uploads go through the one-file-at-a-time test
 * adapter (main/testing/app/test-tree-uploader.ts), not the product's uploader.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppSource } from '../../../common/contract/schemas/deploy';
import { applyWebServerStep, startAppMachine, type AppMachine } from '../app/app-machine';
import { eventually } from '../systemd-server/machine-app';
import type { UbuntuRelease } from '../systemd-server/ubuntu-machine';

async function timedDeploy(fx: AppMachine, source: AppSource, text: string): Promise<number> {
  const { plan } = await fx.op('app.inspect', { source });
  const started = performance.now();
  await fx.op('app.deploy', { sessionId: fx.ssh.sessionId, source, plan });
  await eventually(`the domain to answer "${text}"`, fx.answer, (a) => a.status === 200 && a.body.includes(text), 30_000);
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const release: UbuntuRelease = process.env['ONRAMP_BENCH_UBUNTU'] === '26.04' ? '26.04' : '24.04';
  const domain = 'bench.onramp.test';
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-bench-deploy-'));
  const fx = await startAppMachine(release, domain);
  try {
    await applyWebServerStep(fx);
    const deploy = await timedDeploy(fx, { kind: 'starter', runtime: 'node' }, `${domain} works`);
    await fs.writeFile(path.join(folder, 'package.json'), `${JSON.stringify({ name: 'bench-app', private: true, main: 'index.js' })}\n`);
    await fs.writeFile(path.join(folder, 'index.js'), "require('node:http').createServer((q, r) => r.end('bench app v2')).listen(Number(process.env.PORT), '127.0.0.1');\n");
    const redeploy = await timedDeploy(fx, { kind: 'folder', path: folder }, 'bench app v2');
    console.log(`ubuntu=${release}`);
    console.log(`deploy_s=${deploy.toFixed(1)}`);
    console.log(`redeploy_s=${redeploy.toFixed(1)}`);
  } finally {
    await fx.stop();
    await fs.rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
