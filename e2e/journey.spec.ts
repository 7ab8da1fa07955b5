/**
 * One journey model: every page shows the same truth, as soon as the world
 * changes, without a reload. Chromium through the test host, with AWS answered
 * by the stateful EC2 world and IAM/STS mock (e2e/aws-mock).
 *
 * - launch, then teardown: within two seconds Done lists nothing, the sidebar
 *   marks the server steps not done, and Launch, Static IP, Connect, Web
 *   server and HTTPS show no server, in this page and in a second one;
 * - the IAM user deleted from Done: Secure account and the sidebar agree that
 *   it is gone, and the app no longer says "ready";
 * - another process writes setup.json: the open pages follow it.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { connectWithRootKey, mockAwsTest as test } from './aws-mock/fixture';
import { SetupStateStore } from '../main/setup/state-store';
import { openPage } from './vault-helpers';

test.describe.configure({ timeout: 180_000 });
const SLOW = { timeout: 60_000 };
/** What "at once" means here: the model's change reaches every page within two seconds. */
const SOON = { timeout: 2_000 };
/** Another window or process: its change shows here within a second. */
const WITHIN_A_SECOND = { timeout: 1_000 };

async function launch(page: Page): Promise<void> {
  await openPage(page, 'launch-server');
  await page.locator('#my-ip').fill('198.51.100.7');
  await page.getByTestId('launch').click();
  await expect(page.getByTestId('op-progress').first()).toHaveAttribute('data-state', 'succeeded', SLOW);
}

const sidebarDone = (page: Page, step: string) => page.locator(`[data-page="${step}"]`);

test('launch, then teardown: every page and a second window show that nothing exists, within two seconds, without a reload', async ({ app, appPage: page, world, context }) => {
  await connectWithRootKey(page, 'ap-northeast-2');
  await launch(page);
  const ip = [...world.addresses.values()][0]?.publicIp ?? 'no address';
  await expect(page.getByTestId('launch-result')).toContainText(ip);
  await expect(page.getByTestId('launch-complete')).toBeVisible(); // finished: nothing to continue
  await expect(page.getByTestId('launch')).toHaveCount(0);
  await expect(sidebarDone(page, 'launch-server')).toHaveAttribute('data-done', 'true');
  await expect(sidebarDone(page, 'static-ip')).toHaveAttribute('data-done', 'true');

  await openPage(page, 'static-ip');
  await expect(page.getByTestId('elastic-ip')).toContainText(ip);
  await expect(page.getByRole('button', { name: /Attach/ })).toHaveCount(0); // attached already
  await openPage(page, 'connect');
  await expect(page.getByTestId('server-choice-setup')).toContainText(ip);

  await openPage(page, 'done');
  await expect(page.getByTestId('tagged-resources')).toContainText(ip);
  // A second window on the same host, opened before the teardown.
  const second = await context.newPage();
  await second.goto(app.host.url);
  await expect(second.getByTestId('tagged-resources')).toContainText(ip);

  await page.getByRole('button', { name: /Tear down/ }).first().click();
  await page.getByTestId('teardown-confirm').click();
  await expect(page.getByTestId('op-progress').first()).toHaveAttribute('data-state', /succeeded|failed/, SLOW);
  expect(world.liveInstances()).toHaveLength(0);

  await expect(second.getByTestId('tagged-resources')).toContainText('Nothing', { timeout: 2_000 });
  for (const p of [page, second]) {
    await expect(p.getByTestId('tagged-resources')).not.toContainText(ip, SOON);
    await expect(p.getByTestId('tagged-resources')).toContainText('Nothing', SOON);
    await expect(p.getByRole('button', { name: /Tear down/ })).toBeDisabled(SOON);
    await expect(sidebarDone(p, 'launch-server')).toHaveAttribute('data-done', 'false', SOON);
    await expect(sidebarDone(p, 'static-ip')).toHaveAttribute('data-done', 'false', SOON);
  }
  await openPage(page, 'launch-server');
  await expect(page.getByTestId('launch-result')).toHaveCount(0, SOON);
  await expect(page.getByTestId('launch')).toHaveText('Launch');
  await openPage(page, 'static-ip');
  await expect(page.getByTestId('elastic-ip')).toHaveCount(0, SOON);
  await openPage(page, 'connect');
  await expect(page.getByTestId('open-terminal')).toHaveCount(0, SOON);
  await expect(page.getByTestId('server-choice-setup')).not.toContainText(ip, SOON);
  for (const step of ['web-server', 'app', 'https']) {
    await openPage(page, step);
    await expect(page.getByTestId('open-step-terminal')).toHaveCount(0, SOON);
    await expect(page.getByText(ip)).toHaveCount(0, SOON);
  }
  await second.close();
});

test('another process writes setup.json, and one window changes the page: every page follows within a second', async ({ app, appPage: page, context }) => {
  const second = await context.newPage();
  await second.goto(app.host.url);
  const other = new SetupStateStore(app.dataDir); // not this host's services: the file is all they share
  await other.update((s) => ({ ...s, currentPage: 'settings', choices: { ...s.choices, ownServer: { host: 'srv.example.com', port: 2222, user: 'admin', keyId: 'key-1' } } }));
  for (const p of [page, second]) await expect(p.getByTestId('page-settings')).toBeVisible(WITHIN_A_SECOND);
  await other.update((s) => ({ ...s, currentPage: 'connect' }));
  for (const p of [page, second]) {
    await expect(p.getByTestId('page-connect')).toBeVisible(WITHIN_A_SECOND);
    await expect(p.getByTestId('server-choice-ownServer')).toContainText('admin@srv.example.com:2222', WITHIN_A_SECOND);
  }
  // A change made in one window shows in the other within a second.
  await second.getByTestId('server-choice-ownServer').getByRole('button').click(); // "Settings" in the second window
  for (const p of [page, second]) await expect(p.getByTestId('page-settings')).toBeVisible(WITHIN_A_SECOND);
  await second.close();
});

test('two setups keep their own resources; deleting one with a server left is refused', async ({ appPage: page, world }) => {
  await connectWithRootKey(page, 'ap-northeast-2');
  await launch(page);
  const ip = [...world.addresses.values()][0]?.publicIp ?? 'no address';
  await expect(page.getByTestId('active-setup')).toHaveText('Setup: Setup 1');

  await openPage(page, 'settings');
  await page.getByTestId('setup-new-name').fill('Second site');
  await page.getByTestId('setup-create').click();
  await expect(page.getByTestId('active-setup')).toHaveText('Setup: Second site', SOON);
  await expect(sidebarDone(page, 'launch-server')).toHaveAttribute('data-done', 'false', SOON);
  await openPage(page, 'launch-server');
  await expect(page.getByTestId('launch-result')).toHaveCount(0);
  await expect(page.getByTestId('op-progress')).toHaveCount(0); // the first setup's launch is not this one's
  await openPage(page, 'done');
  await expect(page.getByTestId('tagged-resources')).not.toContainText(ip);

  // The first setup still has its server: deleting it is refused, and nothing is lost.
  await openPage(page, 'settings');
  const first = page.getByTestId('setup-entry').filter({ hasText: 'Setup 1' });
  await first.getByTestId('setup-delete').click();
  await expect(page.getByTestId('setups').getByRole('alert')).toContainText('still has resources in AWS', SOON);
  await expect(page.getByTestId('setup-entry')).toHaveCount(2);

  await first.getByTestId('setup-switch').click();
  await expect(page.getByTestId('active-setup')).toHaveText('Setup: Setup 1', SOON);
  await openPage(page, 'launch-server');
  await expect(page.getByTestId('launch-result')).toContainText(ip, SOON);
  // The empty second setup can go.
  await openPage(page, 'settings');
  await page.getByTestId('setup-entry').filter({ hasText: 'Second site' }).getByTestId('setup-delete').click();
  await expect(page.getByTestId('setup-entry')).toHaveCount(1, SOON);
  expect(world.liveInstances()).toHaveLength(1);
});
