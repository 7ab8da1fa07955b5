/**
 * The step engine in the window: a built step (Connect AWS) shows what its
 * check() found, with a Re-check button and no manual "Mark as done"; a step
 * not built yet keeps the manual mark.
 */
import { expect, screenshot, test } from './fixtures';

test('Connect AWS shows its checked status and can be re-checked; only unbuilt steps keep the manual mark', async ({ appPage: page }) => {
  await expect(page.getByTestId('page-connect-aws')).toBeVisible();
  const status = page.getByTestId('step-status');
  await expect(status).toHaveAttribute('data-state', 'not-done');
  await expect(status.getByRole('status')).toHaveText(/Checked just now: not done\. Choose where your AWS credentials come from/);
  await expect(page.getByRole('button', { name: 'Mark as done' })).toHaveCount(0);
  await screenshot(page, 'step-status-connect-aws');

  const recheck = status.getByRole('button', { name: 'Re-check' });
  await recheck.focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveAttribute('data-state', 'not-done');

  await page.locator('[data-page="done"]').click();
  await expect(page.getByTestId('page-done')).toBeVisible();
  await expect(page.getByTestId('step-status')).toHaveCount(0);
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.locator('[data-page="done"]')).toHaveClass(/done/);
  await expect(page.locator('[data-page="connect-aws"]')).not.toHaveClass(/done/);
});

test('the status speaks Korean', async ({ appPage: page }) => {
  await page.locator('[data-page="settings"]').click();
  await page.locator('#language').selectOption('ko');
  await page.locator('[data-page="connect-aws"]').click();
  await expect(page.getByTestId('step-status').getByRole('status')).toHaveText(/방금 확인했어요: 아직 안 됐어요/);
  await expect(page.getByTestId('step-status').getByRole('button', { name: '다시 확인' })).toBeVisible();
});
