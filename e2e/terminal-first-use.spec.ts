/**
 * The terminal as a first-time user meets it, against the REAL OpenSSH server
 * on loopback: five tabs stay inside the tab bar and the terminal fills (and
 * never exceeds) its pane; "Copy ssh command" before any export offers the
 * export in the same step; a wrong login name says where to change it and
 * "Try again" lets the user change it there.
 */
import type { Locator, Page } from '@playwright/test';
import { statSync } from 'node:fs';
import path from 'node:path';
import { clipboardText, openPage, setLanguage } from './vault-helpers';
import { configureOwnServer, expectTerminalText, run, tabId, tabs, waitForPrompt } from './terminal-helpers';
import { expect, screenshot, test } from './terminal-fixtures';

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box;
}

function expectInside(inner: Box, outer: Box, what: string): void {
  expect(inner.x, `${what}: left edge`).toBeGreaterThanOrEqual(outer.x - 0.5);
  expect(inner.x + inner.width, `${what}: right edge`).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
}

/** Nothing on the page scrolls sideways: the content pane is exactly as wide as what it shows. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.locator('.content').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll, 'the page does not scroll sideways').toBeLessThanOrEqual(client);
  const doc = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return { scroll: root.scrollWidth, client: root.clientWidth };
  });
  expect(doc.scroll).toBeLessThanOrEqual(doc.client);
}

test('five tabs stay inside the tab bar, "+ New tab" is whole on one line, and the terminal fills its pane (en and ko)', async ({ app, appPage: page, sshd }) => {
  test.setTimeout(180_000); // five shells and three window sizes, on a shared machine
  await page.setViewportSize({ width: 1600, height: 900 });
  await configureOwnServer(app, page, sshd);
  await openPage(page, 'connect');
  await page.getByTestId('open-terminal').click();
  await page.getByTestId('host-key-prompt').getByRole('button', { name: 'Trust and connect' }).click();
  await waitForPrompt(page, await tabId(page, 0));

  // Wide window: the terminal uses the pane (no ~860 px cap), up to the pane's edge and not beyond.
  const pane = await boxOf(page.locator('.page-body'));
  const stack = await boxOf(page.getByTestId('terminal'));
  expect(stack.width).toBeGreaterThan(1200);
  expect(stack.width).toBeGreaterThan(pane.width - 2);
  expectInside(stack, pane, 'terminal');
  const wideCols = (await tabs(page))[0]?.cols ?? 0;
  expect(wideCols).toBeGreaterThan(130);

  for (let n = 2; n <= 5; n++) {
    await page.getByTestId('terminal-new-tab').click();
    await expect.poll(async () => (await tabs(page)).length).toBe(n);
    await waitForPrompt(page, await tabId(page, n - 1));
  }
  for (const width of [1600, 1000, 820]) {
    await page.setViewportSize({ width, height: 900 });
    const area = await boxOf(page.locator('.terminal-area'));
    const strip = await boxOf(page.locator('.tab-strip'));
    expectInside(strip, area, `tab strip at ${width}px`);
    for (let n = 1; n <= 5; n++) {
      const tab = await boxOf(page.getByTestId(`terminal-tab-${n}`).locator('..'));
      expect(tab.width, `tab ${n} at ${width}px is narrower than the pane`).toBeLessThan(area.width);
    }
    const newTab = page.getByTestId('terminal-new-tab');
    const button = await boxOf(newTab);
    expectInside(button, strip, `"+ New tab" at ${width}px`);
    const tabHeight = (await boxOf(page.getByTestId('terminal-tab-1'))).height;
    const oneLine = await newTab.evaluate((el, limit) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().height < limit, tabHeight * 1.6);
    expect(oneLine, `"+ New tab" on one line, not cut, at ${width}px`).toBe(true);
    const terminalBox = await boxOf(page.getByTestId('terminal'));
    expectInside(terminalBox, area, `terminal at ${width}px`);
    await expectNoSidewaysScroll(page);
  }
  // At 820 px five tabs do not fit: the tab list scrolls within itself, and the active (last) tab is in sight.
  const list = page.locator('.tab-list');
  const { scroll, client } = await list.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll).toBeGreaterThan(client);
  expectInside(await boxOf(page.getByTestId('terminal-tab-5')), await boxOf(list), 'the active tab');
  // The narrower pane refitted the terminal: fewer columns, and the shell was told (stty).
  const narrow = await tabs(page);
  const active = narrow[4];
  expect(active?.cols ?? 0).toBeLessThan(wideCols);
  await page.waitForTimeout(200); // the PTY resize is debounced by 50 ms
  await run(page, 'stty size');
  await expectTerminalText(page, active?.id ?? '', new RegExp(`\\$ stty size\\n${active?.rows} ${active?.cols}\\n`));
  await screenshot(page, 'terminal-11-five-tabs-narrow-en');

  await setLanguage(page, 'ko', 'connect');
  const newTab = page.getByTestId('terminal-new-tab');
  await expect(newTab).toHaveText('+ 새 탭');
  const height = await newTab.evaluate((el) => el.getBoundingClientRect().height);
  const tabHeight = await page.getByTestId('terminal-tab-1').evaluate((el) => el.getBoundingClientRect().height);
  expect(height).toBeLessThan(tabHeight * 1.6); // one line, like the tabs
  expectInside(await boxOf(newTab), await boxOf(page.locator('.tab-strip')), '"+ 새 탭"');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'terminal-12-five-tabs-narrow-ko');
});

test('"Copy ssh command" before any export offers the export in the same step, then copies', async ({ app, appPage: page, sshd }) => {
  await configureOwnServer(app, page, sshd);
  await openPage(page, 'connect');
  const actions = page.getByTestId('key-actions');
  await actions.getByRole('button', { name: 'Copy ssh command' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the key first' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("the key hasn't been saved to a file yet");
  await expect(dialog.getByRole('button', { name: 'Export the key and copy' })).toBeFocused();
  await screenshot(page, 'terminal-13-export-first');

  // Cancel in the save dialog: nothing is saved or copied, and no error.
  await app.queueDialog('save', null);
  await dialog.getByRole('button', { name: 'Export the key and copy' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(actions.locator('code')).toHaveCount(0);
  await expect(actions.getByRole('alert')).toHaveCount(0);

  const file = path.join(app.dataDir, 'from-copy.pem');
  await actions.getByRole('button', { name: 'Copy ssh command' }).click();
  await app.queueDialog('save', file);
  await page.getByRole('dialog', { name: 'Export the key first' }).getByRole('button', { name: 'Export the key and copy' }).click();
  const command = `ssh -i ${file} -p ${sshd.port} onramp@127.0.0.1`;
  await expect(actions.locator('code')).toHaveText(command);
  await expect(actions).toContainText(`Saved to ${file}. Only your user can read this file (mode 0600).`);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(await clipboardText(app)).toBe(command);
  await screenshot(page, 'terminal-14-exported-and-copied');

  // Once exported, copying needs no dialog.
  await actions.getByRole('button', { name: 'Copy ssh command' }).click();
  await expect(actions.locator('code')).toHaveText(command);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a wrong login name says where to change it, and Try again lets the user change it there', async ({ app, appPage: page, sshd }) => {
  await configureOwnServer(app, page, sshd);
  const form = page.getByTestId('own-server');
  await form.getByLabel('Login name').fill('nobody-here');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toContainText(`nobody-here@127.0.0.1:${sshd.port}`);

  await openPage(page, 'connect');
  await page.getByTestId('open-terminal').click();
  await page.getByTestId('host-key-prompt').getByRole('button', { name: 'Trust and connect' }).click();
  const banner = page.getByTestId('terminal-disconnected');
  await expect(banner).toContainText(`didn't accept the key for user "nobody-here"`);
  await expect(banner).toContainText('The login name is set in Settings → Your own server → Login name.');
  await screenshot(page, 'terminal-15-wrong-login-name');

  await banner.getByRole('button', { name: 'Try again' }).click();
  const field = banner.getByRole('textbox', { name: 'Login name' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('nobody-here');
  await field.fill('bad name');
  await banner.getByRole('button', { name: 'Save and try again' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Enter a login name such as ubuntu/);
  await field.fill(sshd.user);
  await screenshot(page, 'terminal-16-change-login-name');
  await banner.getByRole('button', { name: 'Save and try again' }).click();

  const id = await tabId(page, 0);
  await waitForPrompt(page, id);
  await expect(page.getByTestId('terminal-disconnected')).toHaveCount(0);
  await expect(page.getByTestId('terminal-tab-1')).toContainText(`onramp@127.0.0.1:${sshd.port}`);
  await run(page, 'whoami');
  await expectTerminalText(page, id, /\$ whoami\nonramp\n/);
  // The change is the saved server's, as if made in Settings.
  await openPage(page, 'settings');
  await expect(page.getByTestId('own-server').getByLabel('Login name')).toHaveValue(sshd.user);
});
