/**
 * The Connect AWS step in Chromium through the test host, with the SDK pointed
 * at a local fake STS (AWS_ENDPOINT_URL): a vault key from an imported CSV, a
 * pasted root key (warning), a key AWS rejects (translated error with its
 * code), a CLI profile (SSO marked) and the default chain.
 */
import type { Page } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closedLocalUrl, stsErrorResponse } from '../main/testing/aws/fake-aws-server';
import { expect, screenshot } from './fixtures';
import { FAKE_KEYS, awsTest as test } from './vault-fixtures';
import { SECRET_ACCESS_KEY, createKeychainVault, pageScreenshot, expectNoSecretsSent, fixture, importWithPicker, openPage, setLanguage } from './vault-helpers';

async function pasteKey(page: Page, label: string, accessKeyId: string, secretAccessKey: string): Promise<void> {
  await page.getByRole('button', { name: /Paste an access key|액세스 키 붙여 넣기/ }).click();
  await page.locator('#aws-paste-label').fill(label);
  await page.locator('#aws-paste-id').fill(accessKeyId);
  await page.locator('#aws-paste-secret').fill(secretAccessKey);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('aws-paste-key')).toHaveCount(0);
}

test('a vault key imported from the CSV is verified with STS: account id and ARN', async ({ app, appPage: page, fakeAws }) => {
  await expect(page.getByTestId('page-connect-aws')).toBeVisible();
  await expect(page.getByTestId('not-built')).toHaveCount(0);
  await createKeychainVault(page);
  await importWithPicker(app, page, fixture('csv', 'alice_accessKeys.csv'));
  await expect(page.locator('#aws-vault-key')).toHaveValue(/.+/);
  // The import says what it brought in and that it was chosen.
  await expect(page.getByTestId('aws-imported')).toHaveText(/^Imported .+ into the vault and chose it below\.$/);
  await expect(page.locator('#aws-region')).toHaveValue('us-east-1');
  await page.getByTestId('aws-verify').click();
  await expect(page.getByTestId('aws-account-id')).toHaveText('123456789012');
  await expect(page.getByTestId('aws-arn')).toHaveText(FAKE_KEYS.iamUser.arn);
  await expect(page.getByTestId('aws-root-warning')).toHaveCount(0);
  await expect(page.locator('[data-page="connect-aws"]')).toHaveClass(/done/);
  await pageScreenshot(page, 'connect-aws-verified-en');
  expect(fakeAws.server.requests.some((r) => r.body.includes('Action=GetCallerIdentity'))).toBe(true);

  // The verified account shows up in the vault list too.
  await openPage(page, 'vault');
  await expect(page.getByTestId('vault-item').filter({ hasText: 'alice' })).toContainText('Account 123456789012');

  // After a reload the step remembers the source, region and identity (never the key).
  await page.reload();
  await openPage(page, 'connect-aws');
  await expect(page.getByTestId('aws-arn')).toHaveText(FAKE_KEYS.iamUser.arn);
  expectNoSecretsSent(app, [SECRET_ACCESS_KEY]);
});

test('a pasted root key is stored in the vault, verified, and gets a prominent warning (en and ko)', async ({ app, appPage: page }) => {
  await createKeychainVault(page);
  await pasteKey(page, 'root key', FAKE_KEYS.root.accessKeyId, FAKE_KEYS.root.secretAccessKey);
  await expect(page.locator('#aws-vault-key option:checked')).toHaveText(/root key/);
  await page.getByTestId('aws-verify').click();
  await expect(page.getByTestId('aws-root-warning')).toContainText('root user');
  // Someone with a brand-new account learns how to get a key of their own, and that the root key is temporary.
  const help = page.getByTestId('aws-first-key-help');
  await expect(help.getByRole('listitem')).toHaveCount(4);
  await expect(help).toContainText('Users → Create user');
  await expect(help).toContainText('Security credentials');
  await expect(help).toContainText('Create access key');
  await expect(help).toContainText('A root access key should only be temporary');
  await expect(page.getByTestId('aws-arn')).toHaveText(FAKE_KEYS.root.arn);
  await pageScreenshot(page, 'connect-aws-root-warning-en');

  await setLanguage(page, 'ko', 'connect-aws');
  await page.getByTestId('aws-verify').click();
  await expect(page.getByTestId('aws-root-warning')).toContainText('루트 사용자');
  await expect(page.getByTestId('aws-first-key-help')).toContainText('사용자 → 사용자 생성');
  await expect(page.getByTestId('aws-first-key-help')).toContainText('루트 액세스 키는 잠깐만 쓰고 지워야 해요');
  await pageScreenshot(page, 'connect-aws-root-warning-ko');
  await page.emulateMedia({ colorScheme: 'dark' });
  await pageScreenshot(page, 'connect-aws-root-warning-dark-ko');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: '계정 보안 단계로 이동' }).click();
  await expect(page.getByTestId('page-secure-account')).toBeVisible();
  expectNoSecretsSent(app, [FAKE_KEYS.root.secretAccessKey]);
});

test('a key AWS does not know gives the translated message with the AWS code, with a progress indicator first', async ({ app, appPage: page, fakeAws }) => {
  await createKeychainVault(page);
  await pasteKey(page, 'old key', FAKE_KEYS.unknown.accessKeyId, FAKE_KEYS.unknown.secretAccessKey);
  await page.getByTestId('aws-verify').click();
  await expect(page.getByRole('alert')).toContainText("AWS doesn't recognise this access key");
  await expect(page.getByRole('alert')).toContainText('(InvalidClientTokenId)');
  await pageScreenshot(page, 'connect-aws-error-en');

  await setLanguage(page, 'ko', 'connect-aws');
  // Korean UI: the suggested region is Seoul.
  await expect(page.locator('#aws-region')).toHaveValue('ap-northeast-2');
  // No network: a closed port gives the network message with the system code.
  fakeAws.setEnv('AWS_ENDPOINT_URL', await closedLocalUrl());
  await page.getByTestId('aws-verify').click();
  await expect(page.getByRole('alert')).toContainText('AWS에 연결할 수 없어요');
  await expect(page.getByRole('alert')).toContainText('(ECONNREFUSED)');
  // A slow endpoint: the progress indicator shows until AWS answers.
  const slow = createServer((_req, res) => {
    setTimeout(() => res.writeHead(403, { 'content-type': 'text/xml' }).end(stsErrorResponse(403, 'InvalidClientTokenId', 'invalid').body), 1500);
  });
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  fakeAws.setEnv('AWS_ENDPOINT_URL', `http://127.0.0.1:${(slow.address() as AddressInfo).port}`);
  await page.getByTestId('aws-verify').click();
  await expect(page.getByTestId('aws-verifying')).toBeVisible();
  await expect(page.getByTestId('aws-verifying')).toContainText('AWS에 묻는 중');
  await screenshot(page, 'connect-aws-verifying-ko');
  await expect(page.getByTestId('aws-verifying')).toHaveCount(0);
  slow.close();
  fakeAws.setEnv('AWS_ENDPOINT_URL', fakeAws.server.url);
  await page.getByTestId('aws-verify').click();
  await expect(page.getByRole('alert')).toContainText('AWS가 이 액세스 키를 인식하지 못해요');
  await expect(page.getByRole('alert')).toContainText('(InvalidClientTokenId)');
  await pageScreenshot(page, 'connect-aws-error-ko');
  expectNoSecretsSent(app, [FAKE_KEYS.unknown.secretAccessKey]);
});

test('an AWS CLI profile (SSO marked) and the default chain both verify', async ({ app, appPage: page, fakeAws }) => {
  await page.getByLabel(/An AWS CLI profile/).check();
  const profiles = page.locator('#aws-profile option');
  await expect(profiles).toHaveText(['Choose a profile…', 'company-sso — SSO (ap-northeast-1)', 'work (eu-west-2)']);
  await page.locator('#aws-profile').selectOption('work');
  await expect(page.locator('#aws-region')).toHaveValue('eu-west-2');
  await page.getByTestId('aws-verify').click();
  await expect(page.getByTestId('aws-arn')).toHaveText(FAKE_KEYS.profile.arn);
  await pageScreenshot(page, 'connect-aws-profile-en');

  await page.locator('#aws-profile').selectOption('company-sso');
  await expect(page.getByTestId('aws-profile-source')).toContainText('aws sso login --profile company-sso');

  fakeAws.setEnv('AWS_ACCESS_KEY_ID', FAKE_KEYS.root.accessKeyId);
  fakeAws.setEnv('AWS_SECRET_ACCESS_KEY', FAKE_KEYS.root.secretAccessKey);
  await page.getByLabel(/My environment/).check();
  await page.getByTestId('aws-verify').click();
  await expect(page.getByTestId('aws-arn')).toHaveText(FAKE_KEYS.root.arn);
  await expect(page.getByTestId('aws-root-warning')).toBeVisible();
  expectNoSecretsSent(app, [FAKE_KEYS.profile.secretAccessKey, FAKE_KEYS.root.secretAccessKey]);
});

test('after a failed check the page shows what main holds: the earlier connection is kept, never a green card above the error', async ({ app, appPage: page }) => {
  await createKeychainVault(page);
  await importWithPicker(app, page, fixture('csv', 'alice_accessKeys.csv'));
  await page.getByTestId('aws-verify').click();
  await expect(page.getByTestId('aws-identity-card')).toHaveAttribute('data-state', 'verified');
  await expect(page.getByRole('heading', { name: '✓ Connected to AWS' })).toBeVisible();

  // Away and back: the page starts from aws.status (connected), then a key AWS does not know fails.
  await openPage(page, 'vault');
  await openPage(page, 'connect-aws');
  await expect(page.getByRole('heading', { name: '✓ Connected to AWS' })).toBeVisible();
  await pasteKey(page, 'old key', FAKE_KEYS.unknown.accessKeyId, FAKE_KEYS.unknown.secretAccessKey);
  await page.getByTestId('aws-verify').click();
  await expect(page.getByRole('alert')).toContainText("AWS doesn't recognise this access key");
  await expect(page.getByRole('heading', { name: '✓ Connected to AWS' })).toHaveCount(0);
  const card = page.getByTestId('aws-identity-card');
  await expect(card).toHaveAttribute('data-state', 'kept');
  await expect(card).toContainText('Still connected with the credentials checked earlier');
  await expect(card).toContainText('This check failed, so nothing changed');
  await expect(page.getByTestId('aws-arn')).toHaveText(FAKE_KEYS.iamUser.arn); // main still holds alice's connection
  await pageScreenshot(page, 'connect-aws-failed-check-keeps-earlier-en');

  // A good check again: green, and the error is gone.
  const alice = await page.locator('#aws-vault-key option', { hasText: 'alice' }).getAttribute('value');
  await page.locator('#aws-vault-key').selectOption(alice ?? '');
  await page.getByTestId('aws-verify').click();
  await expect(page.getByRole('heading', { name: '✓ Connected to AWS' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a pasted key that is not an access key is explained at its field, in words (en and ko)', async ({ app, appPage: page }) => {
  await createKeychainVault(page);
  await page.getByRole('button', { name: 'Paste an access key…' }).click();
  await page.locator('#aws-paste-id').fill('AKIA-not-a-key');
  await page.locator('#aws-paste-secret').fill('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  await page.keyboard.press('Enter');
  const id = page.getByRole('textbox', { name: 'Access key ID', exact: true });
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  await expect(id).toBeFocused();
  await expect(id).toHaveAccessibleDescription(/An access key ID is 20 characters and starts with AKIA \(or ASIA for a temporary key\)/);
  await expect(page.getByTestId('aws-paste-key')).not.toContainText('accessKeyId');
  await pageScreenshot(page, 'connect-aws-paste-field-error-en');
  // Fixing the field clears its message; a secret with spaces is named at the secret field.
  await id.fill(FAKE_KEYS.unknown.accessKeyId);
  await expect(id).not.toHaveAttribute('aria-invalid', 'true');
  await page.locator('#aws-paste-secret').fill('wJalrXUtnFEMI K7MDENG bPxRfiCYEXAMPLEKEY');
  await page.keyboard.press('Enter');
  await expect(page.locator('#aws-paste-secret')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#aws-paste-secret')).toHaveAccessibleDescription(/A secret access key is about 40 characters/);
  expect(app.traffic.some((m) => m.direction === 'in' && m.text.includes('vault.addAccessKey'))).toBe(false); // nothing was sent

  await page.getByRole('button', { name: 'Cancel' }).click();
  await setLanguage(page, 'ko', 'connect-aws');
  await page.getByRole('button', { name: '액세스 키 붙여 넣기…' }).click();
  await page.locator('#aws-paste-id').fill('AKIA1234');
  await page.locator('#aws-paste-secret').fill('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '액세스 키 ID', exact: true })).toHaveAccessibleDescription(/액세스 키 ID는 20자이고 AKIA\(임시 키는 ASIA\)로 시작해요/);
  await pageScreenshot(page, 'connect-aws-paste-field-error-ko');
});
