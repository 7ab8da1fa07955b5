/**
 * The IAM user deleted from Done, when the app had switched to that user's own
 * key: the AWS source goes back to the credentials that deleted it, and within
 * two seconds, without a reload, Secure account, the sidebar and Done agree
 * that the user is gone; its vault items are offered for deletion in one click.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { MOCK_ACCOUNT, connectWithRootKey, mockAwsTest as test } from './aws-mock/fixture';
import { twoConsecutiveCodes } from '../main/testing/aws/totp';
import { openPage } from './vault-helpers';

test.describe.configure({ timeout: 180_000 });
const SLOW = { timeout: 30_000 };
const SOON = { timeout: 2_000 };

/** Connect AWS with the root key, then the IAM user, its MFA and the switch to its own key (the root key kept). */
async function secureWithOwnKey(page: Page): Promise<void> {
  await connectWithRootKey(page);
  await page.getByRole('button', { name: 'Go to the Secure account step' }).click();
  await page.getByTestId('iam-create-user').click();
  await expect(page.getByTestId('iam-user-result')).toContainText('onramp is ready', SLOW);
  await page.getByTestId('mfa-start').click();
  await page.getByTestId('mfa-cant-scan').click();
  const [code1, code2] = twoConsecutiveCodes(((await page.getByTestId('mfa-key').textContent()) ?? '').replace(/\s/g, ''));
  await page.getByTestId('mfa-code-1').fill(code1);
  await page.getByTestId('mfa-code-2').fill(code2);
  await page.getByTestId('mfa-enable').click();
  await expect(page.getByTestId('user-mfa-enabled')).toBeVisible(SLOW);
  await page.getByTestId('iam-delete-root-key').uncheck(); // keep the credentials that made the user
  await page.getByTestId('iam-create-key').click();
  await expect(page.getByTestId('iam-key-result')).toContainText(`user/onramp`, SLOW);
  await expect(page.locator('[data-page="secure-account"]')).toHaveAttribute('data-done', 'true', SLOW);
}

test('after the key switch, a check the new key may not run: the sidebar and the page agree it is not done', async ({ appPage: page, iam }) => {
  await secureWithOwnKey(page);
  iam.refused.add('GetUser'); // the policy now enforced refuses iam:GetUser to the app's key
  await page.getByTestId('step-status').getByRole('button', { name: 'Re-check' }).click();
  await expect(page.getByTestId('step-status')).toHaveAttribute('data-state', 'error', SOON);
  await expect(page.getByTestId('step-status')).toContainText('iam:GetUser');
  await expect(page.locator('[data-page="secure-account"]')).toHaveAttribute('data-done', 'false', SOON);
});

test('deleting the IAM user the app runs as: the source falls back, and every page agrees the user is gone', async ({ appPage: page, iam }) => {
  await secureWithOwnKey(page);

  await openPage(page, 'done');
  const rootOption = page.locator('#iam-teardown-source option', { hasText: 'temporary root key' });
  await page.getByTestId('iam-teardown-source').selectOption((await rootOption.getAttribute('value')) ?? '');
  await page.getByTestId('iam-teardown-start').click();
  await page.getByTestId('iam-teardown-confirm').click();
  await expect(page.getByTestId('iam-teardown-result')).toContainText('onramp is deleted', SLOW);
  expect(iam.users.size).toBe(0);
  await expect(page.getByTestId('iam-source-restored')).toBeVisible();

  // Within two seconds, without a reload: the sidebar, the items left in the vault, no notice to act on.
  await expect(page.locator('[data-page="secure-account"]')).toHaveAttribute('data-done', 'false', SOON);
  await expect(page.getByTestId('gone-vault-items')).toContainText('IAM user onramp', SOON);
  await expect(page.getByTestId('journey-notice')).toHaveCount(0);
  await page.getByTestId('gone-vault-items-delete').click();
  await expect(page.getByTestId('gone-vault-items')).toHaveCount(0, SOON);

  await openPage(page, 'secure-account');
  await expect(page.getByTestId('iam-user-result')).toHaveCount(0, SOON);
  await expect(page.getByTestId('iam-key-result')).toHaveCount(0, SOON);
  await expect(page.getByTestId('user-mfa-enabled')).toHaveCount(0, SOON);
  await expect(page.getByTestId('step-status')).toHaveAttribute('data-state', 'not-done', SOON);
  await openPage(page, 'connect-aws');
  await expect(page.getByTestId('aws-arn')).toHaveText(`arn:aws:iam::${MOCK_ACCOUNT}:root`, SLOW);
  await expect(page.locator('[data-page="connect-aws"]')).toHaveAttribute('data-done', 'true', SLOW);
  await openPage(page, 'vault');
  await expect(page.getByTestId('vault-item')).toHaveCount(1); // the root key: the user's items went with the user
});
