/**
 * Steps of the terminal spec, done as a user would: import the key into the
 * vault, save the server in Settings, open terminals, answer the host key
 * question. The terminal's text is read through the read-only test hook
 * `window.__onrampTerminals` (renderer/terminal/test-hook.ts).
 */
import type { Page } from '@playwright/test';
import type { SshdFixture } from '../main/testing/sshd-fixture';
import { expect, screenshot, type HostFixture } from './fixtures';
import { createKeychainVault, importWithPicker, openPage } from './vault-helpers';

/** What renderer/terminal/test-hook.ts exposes (restated: the e2e project cannot import renderer files). */
export interface TabRow {
  id: string;
  sessionId?: string;
  status: string;
  renderer?: string;
  cols: number;
  rows: number;
  fontSize?: number;
}
export interface TerminalTestHook {
  tabs(): TabRow[];
  text(tabId: string): string;
  cursorLine(tabId: string, offset?: number): string;
  onParsed(tabId: string, listener: () => void): () => void;
}
type HookWindow = { __onrampTerminals: TerminalTestHook };

/** Vault page: create the vault, import the fixture's ed25519 key; Settings: save the server. */
export async function configureOwnServer(app: HostFixture, page: Page, sshd: SshdFixture, screenshotName?: string): Promise<void> {
  await openPage(page, 'vault');
  await createKeychainVault(page);
  await importWithPicker(app, page, sshd.keys.ed25519.path);
  await expect(page.getByText('id_ed25519').first()).toBeVisible();
  await openPage(page, 'settings');
  const form = page.getByTestId('own-server');
  await form.getByLabel(/Address/).fill(sshd.host);
  await form.getByLabel('Port').fill(String(sshd.port));
  await form.getByLabel('Login name').fill(sshd.user);
  await form.getByLabel('SSH key from the vault').selectOption({ index: 1 });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText(`Saved. The Connect step can open a terminal to onramp@127.0.0.1:${sshd.port}.`)).toBeVisible();
  if (screenshotName) await screenshot(page, screenshotName);
}

export async function tabs(page: Page): Promise<TabRow[]> {
  return page.evaluate(() => (globalThis as unknown as HookWindow).__onrampTerminals.tabs());
}

export async function tabId(page: Page, index: number): Promise<string> {
  const rows = await tabs(page);
  const row = rows[index];
  if (!row) throw new Error(`no terminal tab #${index + 1}`);
  return row.id;
}

export async function terminalText(page: Page, id: string): Promise<string> {
  return page.evaluate((tab) => (globalThis as unknown as HookWindow).__onrampTerminals.text(tab), id);
}

export async function expectTerminalText(page: Page, id: string, pattern: RegExp, timeout = 10_000): Promise<void> {
  await expect.poll(() => terminalText(page, id), { timeout, message: `terminal ${id} shows ${pattern}` }).toMatch(pattern);
}

/** Waits until the shell's prompt (with shell integration installed) is on the cursor line. */
export async function waitForPrompt(page: Page, id: string): Promise<void> {
  await expect
    .poll(() => page.evaluate((tab) => (globalThis as unknown as HookWindow).__onrampTerminals.cursorLine(tab), id), { timeout: 10_000 })
    .toMatch(/\$\s*$/);
}

/** Types a command line into the focused terminal and presses Enter. */
export async function run(page: Page, command: string): Promise<void> {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}
