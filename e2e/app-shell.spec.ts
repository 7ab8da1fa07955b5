import { stepIds } from '../common/contract/schemas/setup';
import { expect, screenshot, test } from './fixtures';

const pages = [...stepIds, 'vault', 'settings'] as const;

test('the app opens on the first step of the guided setup', async ({ appPage: page }) => {
  await expect(page.getByTestId('page-connect-aws')).toBeVisible();
  await expect(page.locator('.nav-list button')).toHaveCount(stepIds.length + 2); // the steps, Vault and Settings
  await screenshot(page, 'first-step');
});

test('every page of the stepper opens, and unbuilt steps say so', async ({ appPage: page }) => {
  for (const [i, id] of pages.entries()) {
    await page.locator(`[data-page="${id}"]`).click();
    await expect(page.getByTestId(`page-${id}`)).toBeVisible();
    await expect(page.locator(`[data-page="${id}"]`)).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('h1')).not.toBeEmpty();
    if (i < stepIds.length && (await page.getByTestId('not-built').count()) > 0) {
      await expect(page.getByTestId('not-built')).toContainText(/Not built yet/);
    }
    await screenshot(page, `page-${String(i + 1).padStart(2, '0')}-${id}`);
  }
});

test('switching the language changes the visible text, and it sticks', async ({ appPage: page }) => {
  await page.locator('[data-page="settings"]').click();
  await page.locator('#language').selectOption('ko');
  await expect(page.locator('[data-page="connect-aws"]')).toHaveText(/AWS 연결/);
  await expect(page.locator('h1')).toHaveText('설정');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await screenshot(page, 'settings-ko');
  await page.reload();
  await expect(page.locator('h1')).toHaveText('설정');
  await page.locator('#language').selectOption('en');
  await expect(page.locator('[data-page="connect-aws"]')).toHaveText(/Connect AWS/);
  await expect(page.locator('h1')).toHaveText('Settings');
});

test('the app reopens on the step where the user was', async ({ appPage: page }) => {
  await page.locator('[data-page="domain"]').click();
  await expect(page.getByTestId('page-domain')).toBeVisible();
  await page.getByRole('button', { name: /Next step/ }).click();
  await expect(page.getByTestId('page-connect')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('page-connect')).toBeVisible();
});

test('keyboard: Ctrl+PageDown and Ctrl+PageUp move between steps', async ({ appPage: page }) => {
  await page.keyboard.press('Control+PageDown');
  await expect(page.getByTestId('page-secure-account')).toBeVisible();
  await page.keyboard.press('Control+PageUp');
  await expect(page.getByTestId('page-connect-aws')).toBeVisible();
});
