/**
 * The benchmark's whole stack in one process, as a user would have it except
 * for Electron: a real sshd on loopback, createServices with its vault (an
 * in-memory keychain) holding the client key, the test host serving a fresh
 * renderer build, and Debian's Chromium showing the Connect page with one
 * terminal open to the server.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs } from '../../../../playwright.config';
import { createServices, type Services } from '../../../composition';
import type { InvokeChannel } from '../../../../common/contract/channels';
import type { RequestOf, ResponseOf } from '../../../../common/contract/types';
import { createHostPlatform } from '../../../host/host-platform';
import { startHost, type RunningHost } from '../../../host/host-server';
import { startSshd, type SshdFixture } from '../../sshd-fixture';
import { InMemoryKeychain } from '../../../vault/memory-keychain';

export interface BenchApp {
  sshd: SshdFixture;
  services: Services;
  host: RunningHost;
  browser: Browser;
  page: Page;
  dispose(): Promise<void>;
}

const root = path.resolve(__dirname, '../../../..');

/** The test host's renderer (`electron-vite build --mode host`) into a temp out dir; or reuse ONRAMP_BENCH_OUT_DIR. */
export function buildRenderer(log: (line: string) => void): { outDir: string; temporary: boolean } {
  const reuse = process.env['ONRAMP_BENCH_OUT_DIR'];
  if (reuse) return { outDir: reuse, temporary: false };
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-bench-out-'));
  log(`building the renderer into ${outDir} …`);
  const built = spawnSync(path.join(root, 'node_modules/.bin/electron-vite'), ['build', '--mode', 'host'], {
    cwd: root,
    env: { ...process.env, ONRAMP_OUT_DIR: outDir },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stdout}\n${built.stderr}`);
  return { outDir, temporary: true };
}

async function invoke<C extends InvokeChannel>(services: Services, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await services.dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

export async function startBenchApp(rendererDir: string): Promise<BenchApp> {
  const sshd = await startSshd();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-bench-data-'));
  const platform = createHostPlatform('bench');
  const services = createServices({ dataDir, keychain: new InMemoryKeychain(), options: { platform } });
  await invoke(services, 'vault.initKeychain', {});
  const imported = await invoke(services, 'vault.import', {
    source: { kind: 'file', token: services.files.grant({ kind: 'bytes', name: 'id_ed25519', bytes: Buffer.from(sshd.keys.ed25519.privateKey) }) },
  });
  const keyId = imported.status === 'imported' ? imported.items[0]?.id : undefined;
  if (!keyId) throw new Error('the key was not imported');
  await invoke(services, 'ssh.setOwnServer', { server: { host: sshd.host, port: sshd.port, user: sshd.user, keyId } });
  await invoke(services, 'setup.goTo', { page: 'connect' });
  // Trusted beforehand, as after a first connection: the benchmark measures the terminal, not the prompt.
  const [type = '', base64 = ''] = sshd.hostKeys.ed25519.publicLine.split(' ');
  appendFileSync(path.join(dataDir, 'known_hosts'), `[${sshd.host}]:${sshd.port} ${type} ${base64}\n`);

  const host = await startHost({ services, platform, rendererDir });
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: [...chromiumArgs, ...(process.env['ONRAMP_BENCH_CHROMIUM_ARGS'] ?? '').split(' ').filter(Boolean)] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // tsx (esbuild keepNames) wraps named functions in __name(); the probes are serialised into the page, which lacks it.
  await page.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  await page.goto(host.url);
  await page.getByTestId('page-connect').waitFor();
  return {
    sshd,
    services,
    host,
    browser,
    page,
    async dispose() {
      await browser.close();
      await host.close();
      await services.dispose();
      await sshd.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
