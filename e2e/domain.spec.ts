/**
 * The Domain step in Chromium through the test host, against a real DNS
 * server on loopback: IDN input with punycode, the Gabia checklist values,
 * the live check passing (and the step turning done), then a stray AAAA, a
 * blocking CAA, a mismatch and NXDOMAIN explained with their fixes, with
 * re-check timing shown. Korean and English.
 */
import type { Page } from '@playwright/test';
import { EXPECTED_IP, IDN_ASCII, IDN_NAME, OTHER_IP, laterZone } from '../main/testing/dns/test-zones';
import { expect, screenshot, test } from './domain-fixtures';

async function openDomainPage(page: Page): Promise<void> {
  await page.locator('.nav-item[data-page="domain"]').click();
  await expect(page.getByTestId('page-domain')).toBeVisible();
}

/** The page scrolls inside the content pane: bring the check into view for the screenshot. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.getByTestId('dns-check').scrollIntoViewIfNeeded();
  await screenshot(page, name);
}

async function saveDomain(page: Page, domain: string, www: boolean): Promise<void> {
  await page.getByTestId('domain-input').fill(domain);
  const box = page.getByTestId('domain-www');
  if ((await box.isChecked()) !== www) await box.click();
  await page.getByTestId('domain-save').click();
}

test('a Korean domain pointing at the server passes, and the step is done', async ({ appPage: page, knot }) => {
  await openDomainPage(page);
  const input = page.getByTestId('domain-input');
  await input.fill('https://example.com');
  await expect(page.getByTestId('domain-hint')).toContainText('without http://');
  await expect(page.getByTestId('domain-save')).toBeDisabled();

  await input.fill(IDN_NAME);
  await expect(page.getByTestId('domain-hint')).toContainText(IDN_ASCII);
  await page.getByTestId('domain-target-input').fill(EXPECTED_IP);
  await page.getByTestId('domain-save').click();

  const checklist = page.getByTestId('gabia-checklist');
  await expect(checklist.getByTestId('gabia-record-apex')).toContainText('@');
  await expect(checklist.getByTestId('gabia-record-apex')).toContainText(EXPECTED_IP);
  await expect(checklist.getByTestId('gabia-record-apex')).toContainText('600');
  await expect(checklist).toContainText('1 year');
  await expect(checklist).toContainText('My가비아 (My Gabia) → 도메인 (Domains) → DNS 관리툴 (DNS management tool)');

  const verdict = page.getByTestId('dns-verdict');
  await expect(verdict).toHaveAttribute('data-pass', 'true', { timeout: 15_000 });
  await expect(verdict).toContainText(IDN_NAME);
  await expect(page.getByTestId('dns-table-authoritative')).toHaveAttribute('data-resolver', 'ns1.onramp.test');
  await expect(page.getByTestId('dns-table-public')).toHaveAttribute('data-resolver', knot.address);
  await expect(page.getByTestId('dns-nameservers')).toContainText('ns1.onramp.test');
  await expect(page.locator('.nav-item[data-page="domain"]')).toHaveClass(/done/, { timeout: 15_000 });
  await shoot(page, 'domain-pass-en');

  // The value reaches the clipboard as shown.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await checklist.getByRole('button', { name: `Copy value/IP: ${EXPECTED_IP}` }).first().click();
  await expect(checklist.getByRole('button', { name: `Copy value/IP: ${EXPECTED_IP}` }).first()).toHaveText('Copied');
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(EXPECTED_IP);
});

test('a domain nobody delegated gets one problem with one advice, not a second NXDOMAIN card', async ({ appPage: page }) => {
  await openDomainPage(page);
  await page.getByTestId('domain-target-input').fill(EXPECTED_IP);
  await saveDomain(page, 'unregistered.test', false);
  await expect(page.getByTestId('dns-problem-notDelegated')).toContainText('Check the spelling', { timeout: 15_000 });
  await expect(page.getByTestId('dns-problems').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('dns-problem-nxdomain')).toHaveCount(0);
  await expect(page.getByTestId('step-status')).toContainText('Domain not found in DNS');
});

test('a stray AAAA, a blocking CAA, a mismatch and NXDOMAIN are each explained with the fix', async ({ appPage: page }) => {
  await openDomainPage(page);
  await page.getByTestId('domain-target-input').fill(EXPECTED_IP);

  await saveDomain(page, 'v6.onramp.test', false);
  const aaaa = page.getByTestId('dns-problem-strayAaaa');
  await expect(aaaa).toContainText('2001:db8::1', { timeout: 15_000 });
  await expect(aaaa).toContainText('Delete the AAAA record');
  await expect(page.getByTestId('dns-verdict')).toHaveAttribute('data-pass', 'false');
  await expect(page.getByTestId('dns-timing')).toContainText(/next check in \d+ s/);

  await saveDomain(page, 'caa-deny.onramp.test', false);
  const caa = page.getByTestId('dns-problem-caaDeny');
  await expect(caa).toContainText('sectigo.com', { timeout: 15_000 });
  await expect(caa).toContainText('0 issue "letsencrypt.org"');
  await expect(page.getByTestId('dns-problem-strayAaaa')).toHaveCount(0);

  await saveDomain(page, 'mismatch.onramp.test', true);
  const mismatch = page.getByTestId('dns-problem-mismatch');
  await expect(mismatch).toContainText(OTHER_IP, { timeout: 15_000 });
  await expect(mismatch).toContainText(`set the A record's value to ${EXPECTED_IP}`);
  await expect(page.getByTestId('dns-problem-nxdomain')).toContainText('www.mismatch.onramp.test');
  await expect(page.getByTestId('gabia-record-www')).toContainText(EXPECTED_IP);
  await shoot(page, 'domain-problems-en');

  await page.locator('.nav-item[data-page="settings"]').click();
  await page.getByLabel(/Language|언어/).selectOption('ko');
  await openDomainPage(page);
  await expect(page.getByTestId('dns-problem-mismatch')).toContainText('다른 곳을 가리켜요', { timeout: 15_000 });
  // The particle follows how the address is read: …10 (십) takes 이 and 으로, …7 (칠) takes 로.
  await expect(page.getByTestId('dns-problem-mismatch')).toContainText(`${EXPECTED_IP}이 아니라 ${OTHER_IP}로 답해요`);
  await expect(page.getByTestId('dns-problem-mismatch')).toContainText(`A 레코드 값을 ${EXPECTED_IP}으로 바꾸고`);
  await expect(page.getByTestId('gabia-checklist')).toContainText('1년');
  await shoot(page, 'domain-problems-ko');
});

test('while the page is open it checks again by itself and sees the record fixed', async ({ appPage: page, knot }) => {
  await openDomainPage(page);
  await page.getByTestId('domain-target-input').fill(EXPECTED_IP);
  await saveDomain(page, 'later.test', false);
  await expect(page.getByTestId('dns-problem-mismatch')).toContainText(OTHER_IP, { timeout: 15_000 });
  await expect(page.getByTestId('dns-timing')).toContainText(/next check in [1-5] s/);
  try {
    await knot.replaceZone(laterZone(EXPECTED_IP, 2));
    // No click: the 5 s re-check (then 10 s) finds the new record.
    await expect(page.getByTestId('dns-verdict')).toHaveAttribute('data-pass', 'true', { timeout: 25_000 });
    await expect(page.getByTestId('dns-timing')).not.toContainText('next check');
  } finally {
    await knot.replaceZone(laterZone(OTHER_IP, 3));
  }
});

test('the resolver list can be changed on the page, and a dead resolver is explained', async ({ appPage: page, knot }) => {
  await openDomainPage(page);
  await page.getByTestId('domain-target-input').fill(EXPECTED_IP);
  await saveDomain(page, 'match.onramp.test', false);
  await expect(page.getByTestId('dns-verdict')).toHaveAttribute('data-pass', 'true', { timeout: 15_000 });

  await page.getByText(`Public resolvers asked: ${knot.address}`).click();
  const field = page.getByTestId('resolver-input');
  await field.fill('dns.google');
  await expect(page.getByText('Enter 1 to 8 IP addresses')).toBeVisible();
  await expect(page.getByTestId('resolver-save')).toBeDisabled();
  await field.fill('127.0.0.1:1');
  await page.getByTestId('resolver-save').click();

  await expect(page.getByTestId('dns-table-public')).toHaveAttribute('data-resolver', '127.0.0.1:1', { timeout: 15_000 });
  await expect(page.getByTestId('dns-verdict')).toHaveAttribute('data-pass', 'false');
  await expect(page.getByTestId('dns-problems')).toContainText(/127\.0\.0\.1:1 (couldn't be reached|didn't answer in time)/);

  await page.getByText('Public resolvers asked: 127.0.0.1:1').click();
  await page.getByRole('button', { name: 'Back to the defaults' }).click();
  await expect(page.getByTestId('dns-table-public')).toHaveAttribute('data-resolver', knot.address, { timeout: 15_000 });
  await expect(page.getByTestId('dns-verdict')).toHaveAttribute('data-pass', 'true', { timeout: 15_000 });
});
