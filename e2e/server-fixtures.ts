/**
 * The Web server → HTTPS spec's fixtures, all REAL (see main/testing/server/):
 * the machine lock (port 80/443, /etc/nginx and /etc/letsencrypt are the
 * machine's), its nginx/certbot state saved and restored, pebble +
 * challtestsrv as the ACME server and DNS, the app on :8000, and the host's
 * services asking challtestsrv's DNS in the HTTPS preflight.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../main/composition';
import { createHostPlatform } from '../main/host/host-platform';
import { startHost } from '../main/host/host-server';
import { hostRendererDir } from '../main/host/renderer-dir';
import { lockServerMachine } from '../main/testing/server/machine-lock';
import { saveMachineState } from '../main/testing/server/machine-state';
import { startPebble, type PebbleFixture } from '../main/testing/server/pebble';
import { startTestApp, type TestApp } from '../main/testing/server/test-app';
import { createKeytarKeychain } from '../main/vault/keychain';
import type { HostFixture } from './fixtures';
import { test as base } from './terminal-fixtures';

export interface ServerMachineFixture {
  pebble: PebbleFixture;
  app: TestApp;
}

export const test = base.extend<{ app: HostFixture }, { machine: ServerMachineFixture }>({
  machine: [
    async ({}, use) => {
      const unlock = await lockServerMachine();
      const state = await saveMachineState();
      const pebble = await startPebble();
      const app = await startTestApp(8000);
      await use({ pebble, app });
      await app.stop();
      await pebble.stop();
      await state.restore();
      await unlock();
    },
    { scope: 'worker', timeout: 660_000 },
  ],
  app: async ({ machine }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-e2e-'));
    const platform = createHostPlatform('e2e');
    const dnsResolvers = [`${machine.pebble.dns.host}:${machine.pebble.dns.port}`];
    const services = createServices({ dataDir, keychain: createKeytarKeychain(), options: { platform, dnsResolvers } });
    const traffic: HostFixture['traffic'] = [];
    const host = await startHost({ services, platform, rendererDir: hostRendererDir(), onTraffic: (direction, text) => traffic.push({ direction, text }) });
    const queueDialog = async (kind: 'open' | 'save', file: string | null) => {
      const res = await fetch(`${host.origin}/__test/dialog`, { method: 'POST', headers: { 'x-onramp-token': host.token }, body: JSON.stringify({ [kind]: file }) });
      if (res.status !== 204) throw new Error(`dialog queue refused: ${res.status}`);
    };
    await use({ host, dataDir, traffic, queueDialog });
    await host.close();
    await services.dispose();
  },
});

export { expect, screenshot } from './fixtures';
