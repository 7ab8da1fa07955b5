/**
 * A damaged entry in vault.json while the app is open: the page (told by the
 * vault's file watcher, no reload) lists it apart as "This item can't be
 * read: …" with Export raw (a 0600 file holding the encrypted record as-is)
 * and Delete (after a confirmation); the other items keep working.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createKeychainVault, fixture, importWithPicker, openPage, pageScreenshot, setLanguage } from './vault-helpers';

interface RawVault {
  items: { id: string; kind: string; meta: { nonce: string; data: string } }[];
}

function damageAccessKeyEntry(vaultFile: string): RawVault['items'][number] {
  const raw = JSON.parse(readFileSync(vaultFile, 'utf8')) as RawVault;
  const entry = raw.items.find((item) => item.kind === 'aws-access-key');
  if (!entry) throw new Error('no access key entry');
  const bytes = Buffer.from(entry.meta.data, 'base64');
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff; // the GCM tag no longer matches
  entry.meta.data = bytes.toString('base64');
  writeFileSync(vaultFile, JSON.stringify(raw));
  return entry;
}

test('a damaged item is listed apart with Export raw and Delete; the rest of the vault works', async ({ app, appPage: page }) => {
  await openPage(page, 'vault');
  await createKeychainVault(page);
  await importWithPicker(app, page, fixture('csv', 'alice_credentials.csv'));
  await importWithPicker(app, page, fixture('csv', 'alice_accessKeys.csv'));
  await expect(page.getByTestId('vault-item')).toHaveCount(2);

  const entry = damageAccessKeyEntry(path.join(app.dataDir, 'vault.json'));
  const damaged = page.getByTestId('vault-damaged-item');
  await expect(damaged).toHaveCount(1);
  await expect(damaged).toContainText("This item can't be read: it was damaged or altered and can't be decrypted.");
  await expect(damaged).toContainText('Access key');
  await expect(page.getByTestId('vault-item')).toHaveCount(1);
  await pageScreenshot(page, 'vault-damaged-en');

  // The healthy item still works.
  await page.getByRole('button', { name: /^Copy the password of/ }).click();
  await expect(page.getByTestId('vault-notice')).toContainText('Password copied');

  // Export raw: the encrypted record exactly as it is in the file, 0600.
  const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'onramp-raw-')), 'damaged.json');
  await app.queueDialog('save', target);
  await damaged.getByRole('button', { name: /^Export the damaged item/ }).click();
  await expect(page.getByTestId('vault-notice')).toContainText(target);
  expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(entry);
  expect(statSync(target).mode & 0o777).toBe(0o600);

  await setLanguage(page, 'ko', 'vault');
  await expect(damaged).toContainText('이 항목은 읽을 수 없어요: 손상되었거나 변조되어 복호화할 수 없어요.');
  await pageScreenshot(page, 'vault-damaged-ko');
  await setLanguage(page, 'en', 'vault');

  // Delete asks first; cancelling keeps it, confirming removes it from the file.
  await damaged.getByRole('button', { name: /^Delete the damaged item/ }).click();
  await page.getByTestId('vault-damaged-remove-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(damaged).toHaveCount(1);
  await damaged.getByRole('button', { name: /^Delete the damaged item/ }).click();
  await page.getByTestId('vault-damaged-remove-dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('vault-damaged')).toHaveCount(0);
  await expect(page.getByTestId('vault-notice')).toContainText('Deleted the damaged item.');
  const after = JSON.parse(readFileSync(path.join(app.dataDir, 'vault.json'), 'utf8')) as RawVault;
  expect(after.items.map((item) => item.kind)).toEqual(['console-login']);
});
