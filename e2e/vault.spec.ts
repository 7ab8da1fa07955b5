/**
 * The vault manager in Chromium through the test host, against the throwaway
 * gnome-keyring of the e2e D-Bus session: import by file picker and by drag
 * and drop, export (confirmed) to a 0600 file that ssh-keygen accepts, copy,
 * edit, delete, and no secret in anything main sent to the renderer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { noKeychainTest } from './vault-fixtures';
import {
  ACCESS_KEY_ID,
  CONSOLE_PASSWORD,
  SECRET_ACCESS_KEY,
  clipboardText,
  createKeychainVault,
  dropFile,
  expectNoSecretsSent,
  fixture,
  importWithPicker,
  openPage,
  pageScreenshot,
  privateKeyBodyLines,
  setLanguage,
} from './vault-helpers';

const PEM = fixture('keys', 'rsa-pem.pem');
const row = (page: Page, label: string) => page.getByTestId('vault-item').filter({ hasText: label });
const consoleRow = (page: Page) => page.locator('[data-testid="vault-item"][data-kind="console-login"]');

test('import by picker and drag and drop, export a 0600 key ssh-keygen accepts, and no secret reaches the renderer', async ({ app, appPage: page }) => {
  await openPage(page, 'vault');
  await createKeychainVault(page);
  await expect(page.getByTestId('vault-empty')).toBeVisible();

  await importWithPicker(app, page, fixture('csv', 'alice_credentials.csv'));
  await expect(consoleRow(page)).toContainText('alice');
  await expect(consoleRow(page)).toContainText('Account 123456789012');

  await importWithPicker(app, page, PEM);
  const expectedFingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${PEM}.pub`], { encoding: 'utf8' }).split(' ')[1] ?? '';
  await expect(row(page, 'rsa-pem')).toContainText(expectedFingerprint);
  await expect(row(page, 'rsa-pem')).toContainText('RSA 2048');

  await dropFile(page, fixture('csv', 'alice_accessKeys.csv'));
  await expect(row(page, 'Access key')).toContainText('AKIA…MPLE');
  await expect(page.getByTestId('vault-item')).toHaveCount(3);
  await expect(page.getByTestId('vault-notice')).toContainText('alice_accessKeys.csv');
  await pageScreenshot(page, 'vault-list-en');
  await page.emulateMedia({ colorScheme: 'dark' });
  await pageScreenshot(page, 'vault-list-dark-en');
  await page.emulateMedia({ colorScheme: 'light' });

  // Export asks first; Escape backs out, then Enter confirms and the save dialog (in main) answers.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-export-'));
  const target = path.join(dir, 'rsa-pem.pem');
  await row(page, 'rsa-pem').getByRole('button', { name: 'Export rsa-pem' }).click();
  await expect(page.getByTestId('vault-export-dialog')).toBeVisible();
  await screenshot(page, 'vault-export-confirm-en');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('vault-export-dialog')).toHaveCount(0);
  await row(page, 'rsa-pem').getByRole('button', { name: 'Export rsa-pem' }).click();
  await app.queueDialog('save', target);
  await expect(page.getByTestId('vault-export-dialog').getByRole('button', { name: 'Choose where to save…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('vault-notice')).toContainText(target);
  expect(statSync(target).mode & 0o777).toBe(0o600);
  const publicKey = execFileSync('ssh-keygen', ['-y', '-f', target], { encoding: 'utf8' }).trim();
  expect(publicKey.split(' ').slice(0, 2)).toEqual(readFileSync(`${PEM}.pub`, 'utf8').trim().split(' ').slice(0, 2));

  // Copy password: a main-side clipboard write; the renderer only hears that it happened.
  await consoleRow(page).getByRole('button', { name: 'Copy the password of alice' }).click();
  await expect(page.getByTestId('vault-notice')).toContainText('30 seconds');
  expect(await clipboardText(app)).toBe(CONSOLE_PASSWORD);

  // Link the key to a server, then "Copy ssh command" uses the exported path.
  await row(page, 'rsa-pem').getByRole('button', { name: 'Edit rsa-pem' }).click();
  await page.getByLabel('Server address (optional)').fill('203.0.113.10');
  await page.getByLabel('Name', { exact: true }).fill('web server key');
  await page.keyboard.press('Enter');
  await expect(row(page, 'web server key')).toContainText('Server: 203.0.113.10');
  await row(page, 'web server key').getByRole('button', { name: 'Copy the ssh command for web server key' }).click();
  const command = `ssh -i ${target} ubuntu@203.0.113.10`;
  await expect(page.getByTestId('vault-notice')).toContainText(command);
  expect(await clipboardText(app)).toBe(command);

  // Delete asks first; Enter confirms.
  await consoleRow(page).getByRole('button', { name: 'Delete alice' }).click();
  await expect(page.getByTestId('vault-remove-dialog')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(consoleRow(page)).toHaveCount(0);
  await expect(page.getByTestId('vault-item')).toHaveCount(2);

  await setLanguage(page, 'ko', 'vault');
  await expect(row(page, 'web server key')).toContainText('SSH 키');
  await pageScreenshot(page, 'vault-list-ko');
  await row(page, 'web server key').getByRole('button', { name: 'web server key 내보내기' }).click();
  await expect(page.getByTestId('vault-export-dialog')).toContainText('암호 문구 없이');
  await screenshot(page, 'vault-export-confirm-ko');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'vault-export-confirm-dark-ko');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');

  expectNoSecretsSent(app, [SECRET_ACCESS_KEY, CONSOLE_PASSWORD, ...privateKeyBodyLines(PEM)]);
  // The access key id itself is shown only as a hint.
  expect(app.traffic.filter((m) => m.direction === 'out').some((m) => m.text.includes(ACCESS_KEY_ID))).toBe(false);
});

test('a passphrase-protected key asks for its passphrase, and a wrong one says so', async ({ app, appPage: page }) => {
  const key = fixture('keys', 'ed25519-encrypted');
  await openPage(page, 'vault');
  await createKeychainVault(page);
  await importWithPicker(app, page, key);
  const dialog = page.getByTestId('vault-passphrase-dialog');
  await expect(dialog).toBeVisible();
  await page.getByLabel('Passphrase of the key').fill('not it');
  await page.keyboard.press('Enter');
  // Each try runs bcrypt key derivation in the import worker: seconds on a loaded machine.
  await expect(dialog).toContainText('The passphrase for this private key is not correct.', { timeout: 20_000 });
  await screenshot(page, 'vault-key-passphrase-en');
  await page.getByLabel('Passphrase of the key').fill('correct horse');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0, { timeout: 20_000 });
  await expect(row(page, 'ed25519-encrypted')).toContainText('ED25519 256');
  expectNoSecretsSent(app, privateKeyBodyLines(key));
});

test('a file that is not a key or a CSV says what it is, and the page stays usable', async ({ app, appPage: page }) => {
  await openPage(page, 'vault');
  await createKeychainVault(page);
  await dropFile(page, fixture('keys', 'rsa-pem.pem.pub'));
  await expect(page.getByRole('alert')).toContainText('is a public key');
  await importWithPicker(app, page, fixture('csv', 'wrong-header.csv'));
  await expect(page.getByRole('alert')).toContainText("isn't an AWS credentials file");
  await pageScreenshot(page, 'vault-import-error-en');
});

noKeychainTest('without a keychain: a translated error naming the fix, an explicit passphrase choice, never plaintext', async ({ app, appPage: page }) => {
  const vaultFile = path.join(app.dataDir, 'vault.json');
  await openPage(page, 'vault');
  const setup = page.getByTestId('vault-setup');
  await expect(setup.getByRole('alert')).toContainText('no keyring service (Secret Service) is running');
  await expect(setup.getByRole('alert')).toContainText('gnome-keyring');
  await expect(setup.getByRole('alert')).toContainText('KeePassXC');
  await pageScreenshot(page, 'vault-no-keychain-en');
  await setLanguage(page, 'ko', 'vault');
  await expect(setup.getByRole('alert')).toContainText('키링 서비스(Secret Service)');
  await pageScreenshot(page, 'vault-no-keychain-ko');
  await setLanguage(page, 'en', 'vault');

  // Trying the keychain again fails the same way and creates nothing: no silent fallback.
  await page.getByRole('button', { name: 'Try the system keychain again' }).click();
  await expect(setup.getByRole('alert')).toContainText('Secret Service');
  expect(existsSync(vaultFile)).toBe(false);

  await page.getByRole('button', { name: 'Use a passphrase instead' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  await page.getByLabel('Type the passphrase again').fill('short');
  await expect(page.getByRole('button', { name: 'Create the vault with this passphrase' })).toBeDisabled();
  await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
  await page.getByLabel('Type the passphrase again').fill('correct horse battery');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('vault-empty')).toBeVisible();
  await expect(page.getByText('The vault is encrypted with your passphrase.')).toBeVisible();

  await importWithPicker(app, page, fixture('csv', 'alice_credentials.csv'));
  await expect(consoleRow(page)).toContainText('alice');
  const onDisk = readFileSync(vaultFile, 'utf8');
  for (const plain of [CONSOLE_PASSWORD, 'alice', 'correct horse battery']) expect(onDisk).not.toContain(plain);

  // Lock, then a wrong and a right passphrase.
  await page.getByRole('button', { name: 'Lock the vault' }).click();
  await expect(page.getByTestId('vault-locked')).toBeVisible();
  await page.getByLabel('Passphrase').fill('wrong passphrase');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('That passphrase is not correct.');
  await page.getByLabel('Passphrase').fill('correct horse battery');
  await page.keyboard.press('Enter');
  await expect(consoleRow(page)).toContainText('alice');
  expectNoSecretsSent(app, [CONSOLE_PASSWORD]);
});
