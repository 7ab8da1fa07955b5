/**
 * Web server → HTTPS in Chromium through the test host, with the local sshd as
 * the bring-your-own server, the machine's real nginx, real certbot against
 * pebble (real http-01 through nginx) and the app on :8000. Screenshots in
 * artifacts/screenshots/web-https-*.png.
 */
import { readFileSync } from 'node:fs';
import { openPage, setLanguage } from './vault-helpers';
import { configureOwnServer, expectTerminalText, tabId } from './terminal-helpers';
import { expect, screenshot, test } from './server-fixtures';

test('from nothing on port 80 to a verified HTTPS site, through the pages', async ({ app, appPage: page, sshd, machine }) => {
  test.setTimeout(240_000);
  await configureOwnServer(app, page, sshd);

  await openPage(page, 'web-server');
  await expect(page.getByText(`Server: onramp@127.0.0.1:${sshd.port}`)).toBeVisible();
  await expect(page.getByTestId('apply-web-server')).toBeDisabled(); // no terminal yet
  await page.getByTestId('open-step-terminal').click();
  const prompt = page.getByTestId('host-key-prompt');
  await prompt.getByRole('button', { name: 'Trust and connect' }).click();
  await expect(page.getByTestId('terminal-ready')).toBeVisible();

  // A malformed domain is refused before any config exists.
  await page.getByLabel('Domain', { exact: true }).fill('bad domain;');
  await expect(page.getByTestId('preview-error')).toContainText('domain');
  await page.getByLabel('Domain', { exact: true }).fill('onramp.test');
  await expect(page.getByTestId('config-preview')).toContainText('server_name onramp.test;');
  await expect(page.getByTestId('config-preview')).toContainText('proxy_pass http://127.0.0.1:8000;');
  await screenshot(page, 'web-https-01-web-server-form');

  await page.getByTestId('apply-web-server').click();
  await expect(page.getByTestId('op-progress')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('web-server-result')).toContainText('nginx answers for onramp.test with HTTP 200.');
  const terminal = await tabId(page, 0);
  await expectTerminalText(page, terminal, /sudo nginx -t\n.*syntax is ok/);
  expect(machine.app.hosts).toContain('onramp.test');
  await page.getByTestId('web-server-result').scrollIntoViewIfNeeded();
  await screenshot(page, 'web-https-02-web-server-applied');

  await openPage(page, 'https');
  await expect(page.getByTestId('https-domain')).toHaveText('onramp.test');
  await page.getByLabel('E-mail for expiry notices').fill('admin@onramp.test');
  await page.getByText('Advanced: another ACME directory').click();
  await page.getByLabel('ACME directory URL (https)').fill(machine.pebble.directoryUrl);
  await page.getByLabel('CA certificates to trust (PEM)').fill(await machine.pebble.caBundle());
  await page.getByTestId('run-preflight').click();
  const preflight = page.getByTestId('preflight-report');
  await expect(preflight.locator('[data-check="dns"]')).toHaveAttribute('data-state', 'pass', { timeout: 30_000 });
  for (const check of ['nginxTest', 'serverName', 'port80']) await expect(preflight.locator(`[data-check="${check}"]`)).toHaveAttribute('data-state', 'pass');
  await expect(preflight.locator('[data-check="firewall"]')).toHaveAttribute('data-state', 'skipped');
  await preflight.scrollIntoViewIfNeeded();
  await screenshot(page, 'web-https-03-preflight');

  await page.getByTestId('issue-certificate').click();
  // (the preflight's finished card shows until the new operation's first progress arrives: wait for the report itself)
  const verify = page.getByTestId('verify-report');
  await expect(verify).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('op-progress')).toHaveAttribute('data-state', 'succeeded');
  for (const check of ['redirect', 'certificate', 'https', 'renewDryRun']) await expect(verify.locator(`[data-check="${check}"]`)).toHaveAttribute('data-state', 'pass');
  await expect(verify.locator('[data-check="renewalTimer"]')).toContainText('does not run systemd');
  await expect(page.getByTestId('certificate-expiry')).toContainText('HTTPS is on.');
  await expect(verify.locator('[data-check="certificate"]')).toContainText('Pebble');
  await expectTerminalText(page, terminal, /Congratulations! You have successfully enabled HTTPS on https:\/\/onramp\.test/);
  await verify.scrollIntoViewIfNeeded();
  await screenshot(page, 'web-https-04-https-verified');

  // The same page in Korean.
  await setLanguage(page, 'ko', 'https');
  await expect(page.getByRole('button', { name: '인증서 받기' })).toBeVisible();
  await page.getByTestId('verify-report').scrollIntoViewIfNeeded();
  await screenshot(page, 'web-https-05-https-korean');
  expect(readFileSync('/etc/nginx/sites-enabled/onramp.test', 'utf8')).toContain('return 301 https://$host$request_uri');
});
