/**
 * Secure the account in Chromium through the test host, with IAM and STS
 * answered by a stateful mock (e2e/aws-mock): Connect AWS with a temporary
 * root key → IAM user (group, preset, password in the vault) → virtual MFA
 * with TOTP codes computed from the "Can't scan it?" key → the user's own key,
 * the switch and the root key's deletion. Then again: nothing made twice.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { MOCK_ACCOUNT, ROOT_KEY, connectWithRootKey, mockAwsTest as test } from './aws-mock/fixture';
import { twoConsecutiveCodes } from '../main/testing/aws/totp';
import { expectNoSecretsSent, openPage, pageScreenshot, setLanguage } from './vault-helpers';

// Many calls and screenshots on a shared machine: give these flows three times the default.
test.describe.configure({ timeout: 180_000 });
/** An operation's outcome, waited for as long as a loaded CI machine may need. */
const SLOW = { timeout: 30_000 };

async function connectAndGoOn(page: Page): Promise<void> {
  await connectWithRootKey(page);
  await page.getByRole('button', { name: 'Go to the Secure account step' }).click();
  await expect(page.getByTestId('page-secure-account')).toBeVisible();
}

test('root key → IAM user → MFA → the app works as the IAM user, and the root key is gone', async ({ app, appPage: page, iam }) => {
  await expect(page.getByTestId('new-account-ways')).toContainText('CloudShell');
  await connectAndGoOn(page);
  await expect(page.getByTestId('region-badge')).toContainText(/[a-z]{2}-[a-z]+-\d/);
  await expect(page.getByTestId('root-mfa-state')).toHaveAttribute('data-state', 'disabled');

  // The IAM user: EC2 only preset, console access, password reset on first sign-in.
  await page.locator('#iam-user-name').fill('dev');
  await page.locator('#iam-group-name').fill('onramp-ec2');
  await page.getByTestId('iam-create-user').click();
  await expect(page.getByTestId('iam-user-result')).toContainText('dev is ready in group onramp-ec2', SLOW);
  await expect(page.getByTestId('op-progress').first()).toHaveAttribute('data-state', 'succeeded');
  expect([...(iam.groups.get('onramp-ec2')?.attached ?? [])]).toEqual([]);
  expect([...(iam.groups.get('onramp-ec2')?.inline.keys() ?? [])]).toEqual(['onramp-least-privilege']);
  const user = iam.users.get('dev');
  expect(user?.tags[0]?.Key).toBe('onramp:setup');
  expect([...(user?.groups ?? [])]).toEqual(['onramp-ec2']);
  expect(user?.loginProfile?.passwordResetRequired).toBe(true);
  const password = user?.loginProfile?.password ?? '';
  expect(password.length).toBeGreaterThanOrEqual(20);

  // Virtual MFA: wrong codes are explained; the revealed key gives two consecutive codes that work.
  await page.getByTestId('mfa-start').click();
  await expect(page.getByTestId('mfa-qr')).toBeVisible(SLOW);
  await page.getByTestId('mfa-code-1').fill('000000');
  await page.getByTestId('mfa-code-2').fill('111111');
  await page.getByTestId('mfa-enable').click();
  await expect(page.getByTestId('user-mfa').getByRole('alert')).toContainText('two consecutive codes', SLOW);
  await expect(page.getByTestId('user-mfa').getByRole('alert')).toContainText('(InvalidAuthenticationCodeException)');
  await page.getByTestId('mfa-cant-scan').click();
  const key = ((await page.getByTestId('mfa-key').textContent()) ?? '').replace(/\s/g, '');
  expect(key).toMatch(/^[A-Z2-7]{32,}$/);
  await pageScreenshot(page, 'secure-account-mfa-en');
  const [code1, code2] = twoConsecutiveCodes(key);
  await page.getByTestId('mfa-code-1').fill(code1);
  await page.getByTestId('mfa-code-2').fill(code2);
  await page.getByTestId('mfa-enable').click();
  await expect(page.getByTestId('user-mfa-enabled')).toContainText('MFA is on for dev', SLOW);
  expect(iam.users.get('dev')?.mfaSerial).toBe(`arn:aws:iam::${MOCK_ACCOUNT}:mfa/${MOCK_ACCOUNT}-dev`);
  expect([...iam.devices.values()].filter((d) => !d.user)).toHaveLength(0);

  // The user's own key; the switch is proved with STS; the root key is deleted.
  await expect(page.getByTestId('iam-delete-root-key')).toBeChecked();
  await page.getByTestId('iam-create-key').click();
  await expect(page.getByTestId('iam-key-result')).toContainText(`Onramp now works as arn:aws:iam::${MOCK_ACCOUNT}:user/dev`, SLOW);
  await expect(page.getByTestId('iam-key-result')).toContainText('The root access key was deleted');
  expect(iam.keysOf(undefined)).toHaveLength(0);
  expect(iam.keysOf('dev')).toHaveLength(1);
  await expect(page.locator('[data-page="secure-account"]')).toHaveClass(/done/, SLOW);
  await pageScreenshot(page, 'secure-account-done-en');

  // Connect AWS now shows the IAM user, and the vault holds its key and its console sign-in, not the root key.
  await openPage(page, 'connect-aws');
  await expect(page.getByTestId('aws-arn')).toHaveText(`arn:aws:iam::${MOCK_ACCOUNT}:user/dev`);
  await openPage(page, 'vault');
  await expect(page.getByTestId('vault-item')).toHaveCount(2);
  await expect(page.getByTestId('vault-item').filter({ hasText: 'temporary root key' })).toHaveCount(0);

  // Done: deleting the user asks first, and its own key (which cannot delete it) is not offered.
  await openPage(page, 'done');
  const teardown = page.getByTestId('iam-teardown');
  await expect(teardown.locator('#iam-teardown-source option', { hasText: `AWS dev (${MOCK_ACCOUNT})` })).toHaveCount(0);
  await expect(teardown.locator('#iam-teardown-source option', { hasText: 'My environment' })).toHaveCount(1);
  await teardown.getByTestId('iam-teardown-source').selectOption('default');
  await teardown.getByTestId('iam-teardown-start').click();
  await expect(teardown.getByRole('alertdialog')).toContainText("Delete the IAM user dev? Its access keys, console password and MFA device go with it");
  await teardown.getByRole('button', { name: 'Cancel' }).click();
  await expect(teardown.getByRole('alertdialog')).toHaveCount(0);
  expect(iam.users.has('dev')).toBe(true);

  const userKey = iam.keysOf('dev')[0]?.secretAccessKey ?? '';
  expectNoSecretsSent(app, [ROOT_KEY.secretAccessKey, password, userKey]);
});

test('running the IAM user step twice creates nothing twice, and reports the existing password with a choice (ko)', async ({ appPage: page, iam }) => {
  await connectAndGoOn(page);
  await page.getByTestId('iam-create-user').click();
  await expect(page.getByTestId('iam-user-result')).toBeVisible(SLOW);
  const firstPassword = iam.users.get('onramp')?.loginProfile?.password;

  await setLanguage(page, 'ko', 'secure-account');
  await page.getByTestId('iam-create-user').click();
  await expect(page.getByTestId('iam-profile-exists')).toContainText('콘솔 비밀번호가 이미 있어요', SLOW);
  await expect(page.getByTestId('iam-user-result')).toContainText('두 번 만들지 않았어요');
  expect(iam.users.size).toBe(1);
  expect(iam.groups.size).toBe(1);
  expect(iam.users.get('onramp')?.loginProfile?.password).toBe(firstPassword);
  await pageScreenshot(page, 'secure-account-rerun-ko');

  await page.getByRole('button', { name: '새 비밀번호 설정' }).click();
  await expect(page.getByTestId('iam-user-result')).toContainText('보관함에 넣었어요', SLOW);
  expect(iam.users.get('onramp')?.loginProfile?.password).not.toBe(firstPassword);
  // The sign-in made while the window shows Korean is named in Korean.
  await openPage(page, 'vault');
  await expect(page.getByTestId('vault-item').filter({ hasText: `AWS 콘솔: onramp (${MOCK_ACCOUNT})` })).toHaveCount(1);
  await openPage(page, 'secure-account');

  // Leaving the page mid-enrollment deletes the unassigned device.
  await page.getByTestId('mfa-start').click();
  await expect(page.getByTestId('mfa-qr')).toBeVisible(SLOW);
  expect(iam.devices.size).toBe(1);
  await openPage(page, 'vault');
  await expect.poll(() => iam.devices.size).toBe(0);
});

test("someone else's group is refused with its policies and a free name, which one click takes", async ({ appPage: page, iam }) => {
  const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
  iam.createGroup('ops');
  iam.group('ops').attached.add(admin);
  await connectAndGoOn(page);
  await page.locator('#iam-group-name').fill('ops');
  await page.getByTestId('iam-create-user').click();
  const alert = page.getByTestId('iam-user').getByRole('alert');
  await expect(alert).toContainText('An IAM group named ops already exists', SLOW);
  await expect(alert).toContainText('AdministratorAccess');
  expect([...iam.group('ops').attached]).toEqual([admin]);
  expect(iam.users.size).toBe(0);
  await pageScreenshot(page, 'secure-account-group-taken-en');

  await page.getByTestId('iam-use-suggested-name').click();
  await expect(page.locator('#iam-group-name')).toHaveValue('ops-2');
  await page.getByTestId('iam-create-user').click();
  await expect(page.getByTestId('iam-user-result')).toContainText('ready in group ops-2', SLOW);
  expect([...(iam.users.get('onramp')?.groups ?? [])]).toEqual(['ops-2']);
  expect([...iam.group('ops').attached]).toEqual([admin]);
});
