/**
 * The own-server path end to end, in Chromium through the test host, with the
 * local sshd as the server the user already has, Knot as the world's DNS and
 * the machine's real nginx and certbot against pebble (./server-fixtures):
 * choose "On a server I already have" on the first step → the AWS steps are
 * skipped with their reason, in the sidebar and on their pages → Domain,
 * Connect, Web server and HTTPS speak of your server → Done shows what is on
 * the server and how to undo each part, with no AWS section, call or error;
 * then the same in Korean. Screenshots in artifacts/screenshots/own-server-*.png.
 */
import type { Page } from '@playwright/test';
import { SERVER_DOMAIN, SERVER_IP } from '../main/testing/dns/test-zones';
import { configureOwnServer } from './terminal-helpers';
import { openPage, setLanguage } from './vault-helpers';
import { expect, screenshot, test } from './server-fixtures';
import type { HostFixture } from './fixtures';

const AWS_STEPS = ['connect-aws', 'secure-account', 'launch-server', 'static-ip'] as const;

/** No AWS wording where the own server is meant, and no raw error code, anywhere on the page. */
async function expectNoAwsOnPage(page: Page): Promise<void> {
  const text = await page.getByTestId(/^page-/).innerText();
  expect(text).not.toMatch(/Elastic IP|EC2 console|security group|탄력적 IP|EC2 콘솔|보안 그룹/);
  expect(text).not.toMatch(/Something went wrong|문제가 발생했어요|\((aws|ec2|iam)\.[A-Za-z]+\)/);
}

/** From the choice on, nothing asked IAM or EC2 for resources, nor started an operation of an AWS step. */
function expectNoAwsTraffic(app: HostFixture, from: number): void {
  const incoming = app.traffic.slice(from).filter((m) => m.direction === 'in').map((m) => m.text);
  expect(incoming.filter((text) => /"channel":"(ec2\.resources|iam\.)/.test(text))).toEqual([]);
  expect(incoming.filter((text) => /"kind":"(connect-aws|secure-account|launch-server|static-ip|done)\./.test(text))).toEqual([]);
}

test('own server: skipped AWS steps with their reason, path-true texts, and a Done that shows the server, in both languages', async ({ app, appPage: page, sshd, machine }) => {
  test.setTimeout(300_000);

  // The first step offers the path; choosing the own server skips the AWS steps at once.
  await expect(page.getByTestId('path-choice')).toBeVisible();
  await page.getByTestId('path-own-server').check();
  for (const step of AWS_STEPS) await expect(page.locator(`.nav-item[data-page="${step}"]`)).toHaveClass(/skipped/, { timeout: 10_000 });
  await expect(page.locator('.nav-item[data-page="launch-server"]')).toHaveAttribute('title', 'You chose a server you already have, so no EC2 server is launched.');
  await expect(page.getByTestId('step-status')).toHaveAttribute('data-state', 'skipped');
  await expect(page.getByTestId('step-status')).toContainText('Skipped: You chose a server you already have, so Onramp needs no AWS account.');
  await expect(page.getByTestId('own-server')).toBeVisible(); // the next thing to do: how to reach the server
  await expect(page.getByTestId('aws-verify')).toHaveCount(0);
  const afterChoice = app.traffic.length;
  await screenshot(page, 'own-server-00-path-chosen');

  await configureOwnServer(app, page, sshd);

  // Each AWS step's page says it is skipped and why, and offers nothing to run.
  await openPage(page, 'launch-server');
  await expect(page.getByTestId('step-status')).toContainText('Skipped: You chose a server you already have, so no EC2 server is launched.');
  await expect(page.getByTestId('step-skipped')).toBeVisible();
  await expect(page.getByTestId('launch')).toHaveCount(0);
  await openPage(page, 'static-ip');
  await expect(page.getByTestId('step-status')).toContainText('Skipped: Your own server keeps its own address, so no Elastic IP is needed.');
  await expect(page.getByRole('button', { name: 'Attach the Elastic IP' })).toHaveCount(0);
  await openPage(page, 'secure-account');
  await expect(page.getByTestId('step-status')).toHaveAttribute('data-state', 'skipped');

  // Domain: the A record holds the own server's address, and nothing speaks of an Elastic IP.
  await openPage(page, 'domain');
  await expect(page.locator('.summary')).toHaveText("Point your domain's A record at your server's address in Gabia's DNS tool, then check it live.");
  await expect(page.getByTestId('domain-target')).toContainText(SERVER_IP);
  await page.getByTestId('domain-input').fill(SERVER_DOMAIN);
  await page.getByTestId('domain-save').click();
  await expect(page.getByTestId('dns-verdict')).toHaveAttribute('data-pass', 'true', { timeout: 15_000 });
  await expectNoAwsOnPage(page);
  // A finished step reads once ("Domain (finished)"), never "Done Done"; Previous goes past the skipped AWS steps.
  await expect(page.locator('.nav-item[data-page="domain"]')).toHaveAccessibleName('Domain (finished)', { timeout: 15_000 });
  await page.getByRole('button', { name: '← Previous step' }).click();
  await expect(page.getByTestId('page-connect-aws')).toBeVisible();
  await openPage(page, 'domain');

  // Connect: only the own server, and no EC2 console in the wording.
  await openPage(page, 'connect');
  await expect(page.locator('.summary')).toHaveText('Open a terminal to your server. The first time, you confirm its host key.');
  await expect(page.locator('.server-option')).toHaveCount(1);
  await expectNoAwsOnPage(page);

  // Web server and HTTPS on the own server (as in domain-web-server-https.spec.ts).
  await openPage(page, 'web-server');
  await page.getByTestId('open-step-terminal').click();
  await page.getByTestId('host-key-prompt').getByRole('button', { name: 'Trust and connect' }).click();
  await expect(page.getByTestId('terminal-ready')).toBeVisible();
  await page.getByTestId('apply-web-server').click();
  await expect(page.getByTestId('op-progress')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  // A finished card says it finished, not the phase it was in.
  await expect(page.getByTestId('op-title')).toHaveText('Finished');
  await openPage(page, 'https');
  await page.getByLabel('Account e-mail (optional)').fill(`admin@${SERVER_DOMAIN}`);
  await page.getByText('Advanced: another ACME directory').click();
  await page.getByLabel('ACME directory URL (https)').fill(machine.pebble.directoryUrl);
  await page.getByLabel('CA certificates to trust (PEM)').fill(await machine.pebble.caBundle());
  await page.getByTestId('run-preflight').click();
  const preflight = page.getByTestId('preflight-report');
  await expect(preflight.locator('[data-check="dns"]')).toHaveAttribute('data-state', 'pass', { timeout: 30_000 });
  await expect(preflight.locator('[data-check="firewall"]')).toContainText('The check “Port 80 answers from here” tries the port from this computer instead.');
  await page.getByTestId('issue-certificate').click();
  const verify = page.getByTestId('verify-report');
  await expect(verify).toBeVisible({ timeout: 150_000 });
  // The renewal row shows its command as code, never with raw backticks.
  await expect(verify.locator('[data-check="renewalTimer"]')).not.toContainText('`');
  await expect(verify.locator('[data-check="renewalTimer"] code')).toHaveText('0 3 * * * certbot renew -q');
  await expectNoAwsOnPage(page);

  // Done: what is on the server and how to undo each part; no AWS section, teardown button or error.
  await openPage(page, 'done');
  await expect(page.locator('.summary')).toHaveText('See what is on your server (the site, its certificate, the services) and how to undo each part.');
  await expect(page.getByTestId('own-server-label')).toHaveText(`Your server: onramp@127.0.0.1:${sshd.port}`);
  const onServer = page.getByTestId('on-server');
  await expect(onServer.getByTestId('on-server-site')).toContainText(`/etc/nginx/sites-enabled/${SERVER_DOMAIN}`);
  await expect(onServer.getByTestId('on-server-undo-site')).toHaveText(
    `sudo rm -f /etc/nginx/sites-enabled/${SERVER_DOMAIN} /etc/nginx/sites-available/${SERVER_DOMAIN} && sudo nginx -t && sudo systemctl reload nginx`,
  );
  await expect(onServer.getByTestId('on-server-now-web-server')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(onServer.getByTestId('on-server-undo-certificate')).toHaveText(`sudo certbot delete --cert-name ${SERVER_DOMAIN}`);
  await expect(onServer.getByTestId('on-server-now-https')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(onServer.getByTestId('on-server-nginx')).toBeVisible();
  await expect(onServer.getByTestId('on-server-certbot')).toBeVisible();
  await expect(page.getByTestId('tagged-resources')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tear down everything' })).toHaveCount(0);
  await expectNoAwsOnPage(page);
  await screenshot(page, 'own-server-01-done-en');

  // The same in Korean.
  await setLanguage(page, 'ko', 'done');
  await expect(page.getByTestId('on-server')).toContainText('서버에 있는 것');
  await expect(page.getByTestId('own-server-label')).toHaveText(`내 서버: onramp@127.0.0.1:${sshd.port}`);
  await expect(page.getByTestId('on-server-site')).toContainText(`${SERVER_DOMAIN}의 nginx 사이트`);
  await expect(page.locator('.summary')).toHaveText('서버에 있는 것(사이트, 인증서, 서비스)과 각각을 되돌리는 방법을 확인해요.');
  await expect(page.getByRole('button', { name: '모두 정리하기' })).toHaveCount(0);
  await expectNoAwsOnPage(page);
  await expect(page.locator('.nav-item[data-page="launch-server"]')).toContainText('(건너뜀)');
  await screenshot(page, 'own-server-02-done-ko');
  await openPage(page, 'launch-server');
  await expect(page.getByTestId('step-status')).toContainText('건너뛰어요: 이미 있는 서버를 골랐으니 EC2 서버를 만들지 않아요.');
  await expect(page.getByTestId('step-skipped')).toContainText('고른 경로에서는 여기서 할 일이 없어요.');
  await openPage(page, 'domain');
  await expect(page.locator('.summary')).toHaveText('가비아 DNS 관리툴에서 A 레코드를 내 서버 주소로 지정하고 실제로 반영됐는지 확인해요.');
  await expectNoAwsOnPage(page);
  await openPage(page, 'connect');
  await expectNoAwsOnPage(page);
  expectNoAwsTraffic(app, afterChoice);
});

test('the path can be switched later in Settings, and the skipped steps follow', async ({ appPage: page }) => {
  await openPage(page, 'settings');
  await page.getByTestId('path-own-server').check();
  await expect(page.getByTestId('path-choice')).toContainText('Switching keeps what the other path made.');
  for (const step of AWS_STEPS) await expect(page.locator(`.nav-item[data-page="${step}"]`)).toHaveClass(/skipped/, { timeout: 10_000 });
  await page.getByTestId('path-aws').check();
  for (const step of AWS_STEPS) await expect(page.locator(`.nav-item[data-page="${step}"]`)).not.toHaveClass(/skipped/, { timeout: 10_000 });
  await openPage(page, 'launch-server');
  await expect(page.getByTestId('step-skipped')).toHaveCount(0);
  await expect(page.getByTestId('launch')).toBeVisible();
  // Back on the first step, the choice shows as made.
  await openPage(page, 'connect-aws');
  await expect(page.getByTestId('path-aws')).toBeChecked();
  await expect(page.getByTestId('aws-verify')).toBeVisible();
});
