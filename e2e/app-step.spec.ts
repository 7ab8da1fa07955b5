/**
 * The App step in Chromium through the test host, against a REAL Ubuntu 26.04
 * machine with systemd (e2e/ubuntu-fixtures.ts) as the user's own server:
 * nginx and the runtime installed by the product from the Ubuntu archive, the
 * Node starter deployed as a service behind nginx, systemd bringing it back
 * after kill -9, then the user's own folder uploaded over SFTP (its .env and
 * node_modules left home) with a secret setting from the vault, and a
 * rollback. Screenshots in artifacts/screenshots/app-*.png.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { UbuntuMachine } from '../main/testing/systemd-server/ubuntu-machine';
import { createKeychainVault, importWithPicker, openPage } from './vault-helpers';
import { expect, screenshot, test, ubuntuSkipReason } from './ubuntu-fixtures';

const DOMAIN = 'app.onramp.test';
const SECRET = 'greeting-from-the-vault-7f3a';
const SLOW = { timeout: 420_000 };

/** Waits for the operation shown in `scope` to end, and says why when it did not succeed (not after the whole timeout). */
async function succeeded(scope: Locator): Promise<void> {
  const progress = scope.getByTestId('op-progress');
  await expect(progress).toHaveAttribute('data-state', /succeeded|failed|cancelled/, SLOW);
  if ((await progress.getAttribute('data-state')) !== 'succeeded') throw new Error(`the operation did not succeed: ${await scope.innerText()}`);
}

/** What nginx on the machine answers for the domain (asked on the machine, as the step's check does). */
const siteText = (machine: UbuntuMachine) => machine.run(`curl -s -m 10 -H 'Host: ${DOMAIN}' http://127.0.0.1/`);

async function ownServer(page: Page, machine: UbuntuMachine, importKey: (file: string) => Promise<void>): Promise<void> {
  await openPage(page, 'vault');
  await createKeychainVault(page);
  await importKey(machine.privateKeyPath);
  await openPage(page, 'settings');
  const form = page.getByTestId('own-server');
  await form.getByLabel(/Address/).fill(machine.host);
  await form.getByLabel('Port').fill('22');
  await form.getByLabel('Login name').fill(machine.user);
  await form.getByLabel('SSH key from the vault').selectOption({ index: 1 });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText(`Saved. The Connect step can open a terminal to ubuntu@${machine.host}.`)).toBeVisible();
}

function userProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-e2e-project-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'greeter', private: true, main: 'server.js' }));
  writeFileSync(
    path.join(dir, 'server.js'),
    "require('node:http').createServer((req, res) => res.end('Hello ' + (process.env.GREETING || 'nobody'))).listen(Number(process.env.PORT), '127.0.0.1');\n",
  );
  writeFileSync(path.join(dir, '.env'), 'GREETING=from-the-laptop-env-file\n');
  writeFileSync(path.join(dir, '.env.example'), 'GREETING=\n');
  mkdirSync(path.join(dir, 'node_modules', 'left-out'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules', 'left-out', 'index.js'), '');
  return dir;
}

test.skip(ubuntuSkipReason !== undefined, `no Ubuntu systemd machines here: ${ubuntuSkipReason ?? ''}`);

test('from nginx answering 502 to the user\'s own app as a service, with a secret setting and a rollback', async ({ app, appPage: page, ubuntu }) => {
  test.setTimeout(1_200_000);
  await ownServer(page, ubuntu, (file) => importWithPicker(app, page, file));

  // Web server: nginx from the archive, the site proxying to :8000, where nothing listens yet.
  await openPage(page, 'web-server');
  await page.getByTestId('open-step-terminal').click();
  await page.getByTestId('host-key-prompt').getByRole('button', { name: 'Trust and connect' }).click();
  await expect(page.getByTestId('terminal-ready')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Domain', { exact: true }).fill(DOMAIN);
  await page.getByTestId('apply-web-server').click();
  await succeeded(page.locator('main'));
  expect(await siteText(ubuntu)).toContain('502 Bad Gateway');

  // App: the Node starter. The plan and the unit are shown before anything runs.
  await openPage(page, 'app');
  await expect(page.locator('.nav-item[data-page="app"]')).not.toHaveClass(/done/);
  await page.getByTestId('app-source-starter').check();
  await page.getByLabel('Runtime', { exact: true }).selectOption('node');
  await page.getByTestId('app-inspect').click();
  await expect(page.getByTestId('app-plan')).toHaveAttribute('data-runtime', 'node', SLOW);
  await expect(page.getByTestId('app-plan-packages')).toContainText('nodejs');
  await expect(page.getByTestId('app-unit-text')).toContainText('Restart=always');
  await expect(page.getByTestId('app-unit-text')).toContainText('User=onramp-site');
  await screenshot(page, 'app-00-plan');

  const deploySection = page.getByTestId('app-deploy');
  await page.getByTestId('app-deploy-button').click();
  await succeeded(deploySection);
  await expect(page.getByTestId('app-deploy-result')).toBeVisible();
  expect(await siteText(ubuntu)).toContain(`${DOMAIN} works`);
  await expect(page.locator('.nav-item[data-page="app"]')).toHaveClass(/done/, { timeout: 30_000 });
  await expect(page.getByTestId('app-status')).toHaveAttribute('data-state', 'active', { timeout: 30_000 });
  await screenshot(page, 'app-01-starter-live');

  // The process is killed: systemd starts it again and the page reads it as running.
  const pid = (await ubuntu.run('systemctl show -p MainPID --value onramp-site')).trim();
  await ubuntu.run('sudo systemctl kill -s KILL onramp-site');
  await expect.poll(async () => (await ubuntu.exec('systemctl show -p MainPID --value onramp-site')).stdout.trim(), { timeout: 30_000 }).not.toMatch(new RegExp(`^(0|${pid})$`));
  await expect.poll(() => siteText(ubuntu), { timeout: 30_000 }).toContain(`${DOMAIN} works`);
  await page.getByTestId('app-status-refresh').click();
  await expect(page.getByTestId('app-status')).toHaveAttribute('data-state', 'active', { timeout: 30_000 });

  // The user's own folder: chosen in the dialog, read here, its .env and node_modules never sent.
  const project = userProject();
  await app.queueDialog('folder', project);
  await page.getByTestId('app-source-folder').check();
  await page.getByTestId('app-choose-folder').click();
  await expect(page.getByTestId('app-folder')).toHaveValue(project);
  await page.getByTestId('app-inspect').click();
  await expect(page.getByTestId('app-plan-upload')).toContainText('3', SLOW);
  // .env.example names the setting; its value goes into the vault, marked secret.
  const row = page.locator('[data-testid="app-setting-row"][data-name="GREETING"]');
  await expect(row).toBeVisible();
  await row.getByLabel('Value: GREETING').fill(SECRET);
  await row.getByLabel('Secret: GREETING').check();
  await page.getByTestId('app-settings-save').click();
  await expect(page.getByTestId('app-settings-saved')).toBeVisible({ timeout: 60_000 });

  await page.getByTestId('app-deploy-button').click();
  await succeeded(deploySection);
  expect(await siteText(ubuntu)).toBe(`Hello ${SECRET}`);
  await ubuntu.run('test ! -e /srv/site/current/.env && test ! -e /srv/site/current/node_modules && test -f /srv/site/current/server.js');
  expect(await ubuntu.run('sudo stat -c %a:%U /etc/onramp/onramp-site.env')).toBe('600:root\n');
  // The secret went to main and the server only: the page shows its name, and nothing main sent carries it.
  await expect(row.getByLabel('Value: GREETING')).toHaveValue('');
  expect(app.traffic.filter((m) => m.direction === 'out' && m.text.includes(SECRET))).toEqual([]);
  await expect(page.getByTestId('app-releases').locator('li')).toHaveCount(2, { timeout: 30_000 });
  await screenshot(page, 'app-02-own-folder-live');

  // One click back to the starter.
  await page.getByTestId('app-rollback').click();
  await expect(page.getByTestId('app-rolled-back')).toBeVisible(SLOW);
  await expect.poll(() => siteText(ubuntu), { timeout: 30_000 }).toContain(`${DOMAIN} works`);

  // Done lists the service with its state and the running release.
  await openPage(page, 'done');
  await expect(page.getByTestId('done-app')).toHaveAttribute('data-state', 'active', { timeout: 30_000 });
  await expect(page.getByTestId('done-app-release')).toContainText(/\d{8}T\d{6}Z/);
  await screenshot(page, 'app-03-done');
});
