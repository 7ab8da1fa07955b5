/**
 * "Import a file…" in the test host: the page's own file picker. The picked
 * file's bytes go to the host in one upload and come back as a one-time token;
 * vault.import carries only that token (never a path or the bytes). Cancel
 * imports nothing, and a file over the import limit is refused in the page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createKeychainVault, fixture, importWithPicker, openPage } from './vault-helpers';

const chooseButton = /Import a file|파일 가져오기/;

test('the host page picker imports through a one-time token; Cancel and a too-large file import nothing', async ({ app, appPage: page }) => {
  await openPage(page, 'vault');
  await createKeychainVault(page);

  // Cancel: the picker closes with no file.
  const cancelled = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: chooseButton }).first().click();
  await (await cancelled).setFiles([]);
  await expect(page.getByTestId('vault-empty')).toBeVisible();

  // Too large: refused in the page with the translated message, nothing uploaded.
  const big = path.join(mkdtempSync(path.join(os.tmpdir(), 'onramp-e2e-big-')), 'big.csv');
  writeFileSync(big, Buffer.alloc(300 * 1024, 0x41));
  const tooLarge = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: chooseButton }).first().click();
  await (await tooLarge).setFiles(big);
  await expect(page.getByRole('alert')).toContainText('big.csv is larger than 256 KB');
  expect(app.traffic.some((m) => m.direction === 'in' && m.text.includes('"upload"'))).toBe(false);

  await importWithPicker(app, page, fixture('keys', 'rsa-pem.pem'));
  await expect(page.getByTestId('vault-item').filter({ hasText: 'rsa-pem' })).toContainText('RSA 2048');

  const incoming = app.traffic.filter((m) => m.direction === 'in').map((m) => JSON.parse(m.text) as { channel?: string; request?: { source?: unknown }; upload?: { name: string } });
  expect(incoming.filter((m) => m.upload).map((m) => m.upload?.name)).toEqual(['rsa-pem.pem']);
  const imports = incoming.filter((m) => m.channel === 'vault.import').map((m) => m.request?.source);
  expect(imports).toEqual([{ kind: 'file', token: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) }]);
});
