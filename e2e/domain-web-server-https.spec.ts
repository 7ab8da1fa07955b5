/**
 * Domain → Web server → HTTPS in Chromium through the test host, with the
 * local sshd as the bring-your-own server: the Domain page's live check against
 * Knot on loopback (the NS walk, then the "public" resolver), the machine's
 * real nginx, real certbot against pebble (real http-01 through nginx, pebble
 * resolving through challtestsrv) and the app on :8000. The HTTPS preflight's
 * DNS check is the Domain step's own. Screenshots in
 * artifacts/screenshots/web-https-*.png.
 */
import { readFileSync } from 'node:fs';
import { SERVER_DOMAIN, SERVER_IP } from '../main/testing/dns/test-zones';
import { openPage, setLanguage } from './vault-helpers';
import { configureOwnServer, expectTerminalText, tabId } from './terminal-helpers';
import { expect, screenshot, test } from './server-fixtures';

const DOMAIN_PATTERN = SERVER_DOMAIN.replaceAll('.', '\\.');

test('from a domain and nothing on port 80 to a verified HTTPS site, through the pages', async ({ app, appPage: page, sshd, machine, knot }) => {
  test.setTimeout(240_000);
  await configureOwnServer(app, page, sshd);

  // Domain: the A record must hold the own server's address; the live check asks the zone's nameserver, then the resolvers.
  await openPage(page, 'domain');
  await expect(page.getByTestId('domain-target')).toContainText(SERVER_IP);
  await page.getByTestId('domain-input').fill(SERVER_DOMAIN);
  await page.getByTestId('domain-save').click();
  await expect(page.getByTestId('gabia-checklist').getByTestId('gabia-record-apex')).toContainText(SERVER_IP);
  await expect(page.getByTestId('dns-verdict')).toHaveAttribute('data-pass', 'true', { timeout: 15_000 });
  await expect(page.getByTestId('dns-table-public')).toHaveAttribute('data-resolver', knot.address);
  await expect(page.locator('.nav-item[data-page="domain"]')).toHaveClass(/done/, { timeout: 15_000 });
  await page.getByTestId('dns-check').scrollIntoViewIfNeeded();
  await screenshot(page, 'web-https-00-domain');

  await openPage(page, 'web-server');
  await expect(page.getByText(`Server: onramp@127.0.0.1:${sshd.port}`)).toBeVisible();
  await expect(page.getByTestId('apply-web-server')).toBeDisabled(); // no terminal yet
  await page.getByTestId('open-step-terminal').click();
  const prompt = page.getByTestId('host-key-prompt');
  await prompt.getByRole('button', { name: 'Trust and connect' }).click();
  await expect(page.getByTestId('terminal-ready')).toBeVisible();
  // Trusting the host key re-checks the Connect step: it is done without a visit to its page.
  await expect(page.locator('.nav-item[data-page="connect"]')).toHaveClass(/done/, { timeout: 15_000 });

  // The Domain step's name is the form's; a malformed one is refused before any config exists.
  const domainField = page.getByLabel('Domain', { exact: true });
  await expect(domainField).toHaveValue(SERVER_DOMAIN);
  await domainField.fill('bad domain;');
  await expect(page.getByTestId('preview-error')).toContainText('domain');
  await domainField.fill(SERVER_DOMAIN);
  await expect(page.getByTestId('config-preview')).toContainText(`server_name ${SERVER_DOMAIN};`);
  await expect(page.getByTestId('config-preview')).toContainText('proxy_pass http://127.0.0.1:8000;');
  await screenshot(page, 'web-https-01-web-server-form');

  await page.getByTestId('apply-web-server').click();
  await expect(page.getByTestId('op-progress')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('web-server-result')).toContainText(`nginx answers for ${SERVER_DOMAIN} with HTTP 200.`);
  const terminal = await tabId(page, 0);
  await expectTerminalText(page, terminal, /sudo nginx -t\n.*syntax is ok/);
  expect(machine.app.hosts).toContain(SERVER_DOMAIN);
  await page.getByTestId('web-server-result').scrollIntoViewIfNeeded();
  await screenshot(page, 'web-https-02-web-server-applied');

  await openPage(page, 'https');
  await expect(page.getByTestId('https-domain')).toHaveText(SERVER_DOMAIN);
  await page.getByLabel('Account e-mail (optional)').fill(`admin@${SERVER_DOMAIN}`);
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
  for (const check of ['redirect', 'certificate', 'https', 'http2', 'hsts', 'serverVersion', 'renewDryRun']) await expect(verify.locator(`[data-check="${check}"]`)).toHaveAttribute('data-state', 'pass');
  await expect(verify.locator('[data-check="http2"]')).toContainText('the server picked h2');
  await expect(verify.locator('[data-check="renewalTimer"]')).toContainText('does not run systemd');
  await expect(page.getByTestId('certificate-expiry')).toContainText('HTTPS is on.');
  await expect(verify.locator('[data-check="certificate"]')).toContainText('Pebble');
  await expectTerminalText(page, terminal, new RegExp(`Congratulations! You have successfully enabled HTTPS on https://${DOMAIN_PATTERN}`));
  await verify.scrollIntoViewIfNeeded();
  await screenshot(page, 'web-https-04-https-verified');

  // The same page in Korean.
  await setLanguage(page, 'ko', 'https');
  await expect(page.getByRole('button', { name: '인증서 받기' })).toBeVisible();
  await page.getByTestId('verify-report').scrollIntoViewIfNeeded();
  await screenshot(page, 'web-https-05-https-korean');
  expect(readFileSync(`/etc/nginx/sites-enabled/${SERVER_DOMAIN}`, 'utf8')).toContain('return 301 https://$host$request_uri');

  // The certificate and site watch on Done: the real certificate, and the warning that nothing renews here (no systemd), also in the sidebar.
  await setLanguage(page, 'en', 'https');
  await openPage(page, 'done');
  const watch = page.getByTestId('site-watch');
  await watch.getByTestId('site-watch-recheck').click();
  await expect(watch).toHaveAttribute('data-verdict', 'warn', { timeout: 45_000 });
  await expect(watch).toContainText('does not run systemd');
  await expect(page.getByTestId('site-watch-warn')).toContainText(`${SERVER_DOMAIN}: HTTPS needs attention`);
  await watch.scrollIntoViewIfNeeded();
  await screenshot(page, 'web-https-06-done-watch');
});
