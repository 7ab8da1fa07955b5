/**
 * Starts the real services and the test host in-process for each test, with a
 * fresh data dir, and opens the app in Chromium with the host's token URL.
 * `traffic` records every contract message the host exchanged with the page.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, type ServiceOptions } from '../main/composition';
import { createHostPlatform } from '../main/host/host-platform';
import { hostRendererDir } from '../main/host/renderer-dir';
import { startHost, type RunningHost } from '../main/host/host-server';
import { createKeytarKeychain } from '../main/vault/keychain';

export const artifactsDir = path.resolve('artifacts/screenshots');
mkdirSync(artifactsDir, { recursive: true });

export interface HostFixture {
  host: RunningHost;
  dataDir: string;
  traffic: { direction: 'in' | 'out'; text: string }[];
  /** Answer the next open/save/folder dialog with this path (null = Cancel). */
  queueDialog(kind: 'open' | 'save' | 'folder', file: string | null): Promise<void>;
}

/** Real services and the test host on a fresh data dir (the `app` fixture; a spec may keep one across tests). */
export async function openApp(serviceOptions: Omit<ServiceOptions, 'platform'> = {}): Promise<HostFixture & { close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-e2e-'));
  const platform = createHostPlatform('e2e');
  const services = createServices({ dataDir, keychain: createKeytarKeychain(), options: { ...serviceOptions, platform } });
  const traffic: HostFixture['traffic'] = [];
  const host = await startHost({ services, platform, rendererDir: hostRendererDir(), onTraffic: (direction, text) => traffic.push({ direction, text }) });
  const queueDialog = async (kind: 'open' | 'save' | 'folder', file: string | null) => {
    const res = await fetch(`${host.origin}/__test/dialog`, { method: 'POST', headers: { 'x-onramp-token': host.token }, body: JSON.stringify({ [kind]: file }) });
    if (res.status !== 204) throw new Error(`dialog queue refused: ${res.status}`);
  };
  const close = async () => {
    await host.close();
    await services.dispose();
  };
  return { host, dataDir, traffic, queueDialog, close };
}

export const test = base.extend<{ app: HostFixture; appPage: Page; serviceOptions: Omit<ServiceOptions, 'platform'> }>({
  /** Extra composition-root options for a spec (e.g. DNS resolvers on loopback), set with `test.use`. */
  serviceOptions: [{}, { option: true }],
  app: async ({ serviceOptions }, use) => {
    const { close, ...app } = await openApp(serviceOptions);
    await use(app);
    await close();
  },
  appPage: async ({ page, app }, use) => {
    await page.goto(app.host.url);
    await expect(page.locator('[data-testid^="page-"]')).toBeVisible();
    await use(page);
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}
