/**
 * Launch the server in Chromium through the test host, with AWS answered by
 * the stateful mocks (e2e/aws-mock: IAM/STS state and the EC2 world):
 * Connect AWS → region picker (not-opted-in region disabled) → launch with
 * progress → a simulated crash right after RunInstances (AWS made the
 * instance, the app never heard back; then the services are stopped and new
 * ones start over the same data directory) → the step's status rebuilt from
 * the mock → "Continue the launch" finishes with exactly one of everything →
 * Elastic IP with copy → SSH allowed from another IP (the old one revoked,
 * and the page says so) → teardown → nothing left.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect } from './fixtures';
import { connectWithRootKey, mockAwsTest as test } from './aws-mock/fixture';
import { openPage, pageScreenshot } from './vault-helpers';

test('launch → crash after RunInstances → continue without duplicates → Elastic IP → teardown leaves nothing', async ({ app, appPage: page, world }) => {
  test.setTimeout(120_000); // two app starts, a launch and a teardown
  await connectWithRootKey(page, 'ap-northeast-2');
  await openPage(page, 'launch-server');
  await expect(page.getByTestId('region-badge')).toContainText('ap-northeast-2');
  await expect(page.getByTestId('region-picker')).toHaveValue('ap-northeast-2');
  await expect(page.locator('#ec2-region option[value="af-south-1"]')).toBeDisabled();
  // A disabled Launch says what it still needs, next to the button; the IP field's example reads as an example.
  await expect(page.getByTestId('launch')).toBeDisabled();
  await expect(page.getByTestId('launch-needs')).toHaveText('To launch, Onramp still needs: your public IPv4 for SSH (type it, or press Detect my IP).');
  await expect(page.locator('#my-ip')).toHaveAttribute('placeholder', 'for example 203.0.113.7');
  // Detection fails here (nothing answers); the error goes as soon as an address is typed.
  await page.getByRole('button', { name: 'Detect my IP' }).click();
  await expect(page.locator('#my-ip-error')).toBeVisible();
  await page.locator('#my-ip').fill('198.51.100.7');
  await expect(page.locator('#my-ip-error')).toHaveCount(0);
  await expect(page.getByTestId('launch')).toBeEnabled();
  await expect(page.getByTestId('launch-needs')).toHaveCount(0);
  await pageScreenshot(page, 'launch-server-form-en');

  // AWS makes the instance, then the app dies before it hears back (every later call fails too).
  world.crashAfterCommand('RunInstances');
  await page.getByTestId('launch').click();
  await expect(page.getByTestId('op-progress').first()).toHaveAttribute('data-state', 'failed');
  expect(world.calls.at(-1)).toBe('RunInstances');
  expect(world.liveInstances()).toHaveLength(1);

  // The app is killed: the services stop, new ones start over the same data directory, and AWS answers again.
  world.crashAfter(undefined);
  await app.restart();
  await page.goto(app.host.url);
  // A new process opens the keychain-mode vault by itself, so the step's check can use the stored credentials at once.
  await openPage(page, 'launch-server');
  // With no click, the step's check reads the tagged instance from AWS: it is there (running), though the launch never finished.
  await expect(page.getByTestId('step-status')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('step-status')).toContainText(world.liveInstances()[0]?.id ?? 'no instance');
  // The server card shows what AWS holds (the instance, already there); the launch's end is its progress card.
  await expect(page.getByTestId('launch-result')).toContainText(world.liveInstances()[0]?.id ?? 'no instance');
  await expect(page.getByTestId('launch')).toHaveText('Continue the launch');
  await page.getByTestId('launch').click();
  await expect(page.getByTestId('op-progress').first()).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  // Finished: the card says so (not the last phase), and nothing offers to continue a launch that is complete.
  await expect(page.getByTestId('op-title')).toHaveText('Finished');
  await expect(page.getByTestId('launch-complete')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('launch')).toHaveCount(0);
  expect(world.liveInstances()).toHaveLength(1);
  expect(world.addresses.size).toBe(1);
  expect(world.groups.size).toBe(1);
  expect(world.keyPairs.size).toBe(1);
  expect(world.calls.filter((c) => c === 'RunInstances')).toHaveLength(1);
  expect(world.calls.filter((c) => c === 'CreateKeyPair')).toHaveLength(1);
  expect(world.calls.filter((c) => c === 'AllocateAddress')).toHaveLength(1);
  const ip = [...world.addresses.values()][0]?.publicIp ?? '';
  await expect(page.getByTestId('launch-result')).toContainText(ip);
  await pageScreenshot(page, 'launch-server-done-en');

  await openPage(page, 'static-ip');
  await expect(page.getByTestId('elastic-ip')).toContainText(ip);
  await expect(page.getByTestId('elastic-ip').getByRole('button')).toBeVisible();
  // Attached: the page says so instead of offering to attach it again; the cost note names a real step.
  await expect(page.getByTestId('eip-attached')).toHaveText('The Elastic IP is attached to your server.');
  await expect(page.getByTestId('attach-eip')).toHaveCount(0);
  await expect(page.getByText('Release it on the Done step (Tear down everything)', { exact: false })).toBeVisible();
  await pageScreenshot(page, 'static-ip-en');

  // Who may SSH in changes to another IP: the old source is revoked in AWS, and the page says so.
  await page.locator('#my-ip').fill('203.0.113.77');
  await page.getByRole('button', { name: 'Apply to the firewall' }).click();
  await expect(page.getByTestId('ssh-revoked')).toContainText('198.51.100.7/32');
  const sshSources = () => ([...world.groups.values()][0]?.rules ?? []).filter((r) => r.FromPort === 22).map((r) => r.CidrIpv4 ?? r.CidrIpv6);
  expect(sshSources()).toEqual(['203.0.113.77/32']);
  await expect(page.locator('.rules-table')).toContainText('203.0.113.77/32');
  await expect(page.locator('.rules-table')).not.toContainText('198.51.100.7/32');
  const axe = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await pageScreenshot(page, 'static-ip-ssh-narrowed-en');

  await openPage(page, 'done');
  await expect(page.getByTestId('tagged-resources')).toContainText(ip);
  await page.getByRole('button', { name: /Tear down|Teardown|Delete everything/ }).first().click();
  await page.getByTestId('teardown-confirm').click();
  await expect(page.getByTestId('teardown-result')).toBeVisible({ timeout: 60_000 });
  // Without leaving the page: Done reloads what exists when the teardown finishes (issue 20).
  await expect(page.getByTestId('tagged-resources')).toContainText('Nothing tagged for this setup exists');
  expect(world.liveInstances()).toHaveLength(0);
  expect(world.addresses.size).toBe(0);
  expect(world.groups.size).toBe(0);
  expect(world.keyPairs.size).toBe(0);
  await pageScreenshot(page, 'done-teardown-en');
});
