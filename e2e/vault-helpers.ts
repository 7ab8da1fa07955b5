/** Shared steps for the vault and Connect AWS specs: set up the vault, import files, drop files, audit traffic. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, type HostFixture } from './fixtures';

export const FIXTURES = path.resolve('main/vault/import/fixtures');
export const fixture = (kind: 'csv' | 'keys', name: string): string => path.join(FIXTURES, kind, name);

/** The documentation example key in csv/alice_accessKeys.csv. */
export const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
/** The password in csv/alice_credentials.csv (`"p@ss,wo""rd!9"` in CSV quoting). */
export const CONSOLE_PASSWORD = 'p@ss,wo"rd!9';

/** The base64 body lines of a PEM/OpenSSH private key file (everything but the BEGIN/END lines). */
export function privateKeyBodyLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('-----'));
}

/** Every message main sent to the renderer, as one string per message. */
export function outgoing(app: HostFixture): string[] {
  return app.traffic.filter((m) => m.direction === 'out').map((m) => m.text);
}

/** Fails with the secret's position (never the whole message) if any secret reached the renderer. */
export function expectNoSecretsSent(app: HostFixture, secrets: string[]): void {
  expect(secrets.length).toBeGreaterThan(0);
  const messages = outgoing(app);
  expect(messages.length).toBeGreaterThan(10);
  for (const secret of secrets) {
    // JSON may escape / and "; look for both the raw and the JSON-escaped form.
    const forms = [secret, JSON.stringify(secret).slice(1, -1)];
    const leaks = messages.filter((text) => forms.some((form) => text.includes(form)));
    expect(leaks.length, `a secret (${secret.length} chars) reached the renderer`).toBe(0);
  }
}

export async function openPage(page: Page, id: string): Promise<void> {
  await page.locator(`[data-page="${id}"]`).click();
  await expect(page.getByTestId(`page-${id}`)).toBeVisible();
}

export async function setLanguage(page: Page, language: 'ko' | 'en', returnTo: string): Promise<void> {
  await openPage(page, 'settings');
  await page.locator('#language').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await openPage(page, returnTo);
}

/** First run with a working keychain: choose the system keychain. */
export async function createKeychainVault(page: Page): Promise<void> {
  await expect(page.getByTestId('vault-setup')).toBeVisible();
  await page.getByRole('button', { name: 'Use the system keychain' }).click();
  await expect(page.getByTestId('vault-setup')).toHaveCount(0);
}

/**
 * "Import a file…": the test host opens the page's own file picker and the user
 * picks the file in it. Returns once the page has uploaded it and sent
 * vault.import (as a click did when main ran the dialog), so callers wait for
 * the import itself with the usual timeouts.
 */
export async function importWithPicker(app: HostFixture, page: Page, file: string): Promise<void> {
  const imports = () => app.traffic.filter((m) => m.direction === 'in' && m.text.includes('"channel":"vault.import"')).length;
  const before = imports();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Import a file|파일 가져오기/ }).first().click();
  await (await chooser).setFiles(file);
  await expect.poll(imports, { timeout: 30_000, message: `the page uploads ${path.basename(file)} and imports it` }).toBeGreaterThan(before);
}

/** A synthetic drag and drop of a file onto the drop zone, as a user dragging it from the file manager. */
export async function dropFile(page: Page, file: string): Promise<void> {
  const base64 = readFileSync(file).toString('base64');
  await page
    .getByTestId('vault-drop-zone')
    .first()
    .evaluate(
      (zone, { name, data }) => {
        // Browser globals, typed here because the e2e tsconfig has no DOM lib.
        const dom = globalThis as unknown as {
          DataTransfer: new () => { items: { add(file: unknown): void } };
          File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
          DragEvent: new (type: string, init: { dataTransfer: unknown; bubbles: boolean; cancelable: boolean }) => Event;
        };
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const transfer = new dom.DataTransfer();
        transfer.items.add(new dom.File([bytes], name, { type: 'text/plain' }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          zone.dispatchEvent(new dom.DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
      },
      { name: path.basename(file), data: base64 },
    );
}

export async function clipboardText(app: HostFixture): Promise<string> {
  const res = await fetch(`${app.host.origin}/__test/clipboard`, { method: 'POST', headers: { 'x-onramp-token': app.host.token } });
  return ((await res.json()) as { text: string }).text;
}

/** A screenshot of the whole page: the app scrolls inside `.content`, so the viewport grows to fit it first. */
export async function pageScreenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1200, height: 800 };
  const height = await page.locator('.content').evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height + 8) });
  await screenshot(page, name);
  await page.setViewportSize(size);
}
