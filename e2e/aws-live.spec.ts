/**
 * Against a real AWS account (or any AWS-compatible endpoint), with no mocks:
 * runs only when ONRAMP_LIVE_AWS=1, with whatever AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_REGION and AWS_ENDPOINT_URL name (the host is
 * in-process, so main sees the same environment). It drives Connect AWS
 * ("My environment") and Secure the account, computes the MFA codes from the
 * "Can't scan it?" key, then launches the server (Elastic IP included), tears
 * it down from the Done page and deletes the IAM user with "My environment".
 * It does not rely on ClientToken, console output or the SSM parameter (the
 * DescribeImages fallback serves). afterAll, which runs even when the test
 * fails, removes whatever is left (EC2 by the setup tag, then IAM) with its
 * own SDK calls, never Onramp's teardown, and checks that nothing tagged for
 * the setup and no IAM user it made remain.
 */
import {
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  DetachGroupPolicyCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
  RemoveUserFromGroupCommand,
} from '@aws-sdk/client-iam';
import { EC2Client } from '@aws-sdk/client-ec2';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { removeTagged, taggedLeft } from '../main/testing/aws/live-cleanup';
import { expect, test } from './fixtures';
import { twoConsecutiveCodes } from '../main/testing/aws/totp';
import { createKeychainVault } from './vault-helpers';

const LIVE = process.env['ONRAMP_LIVE_AWS'] === '1';
const suffix = `${Date.now().toString(36)}`;
const USER = `onramp-live-${suffix}`;
const GROUP = `onramp-live-${suffix}`;
const SLOW = { timeout: 90_000 };

test.skip(!LIVE, 'Live AWS run: set ONRAMP_LIVE_AWS=1 with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_REGION (and optionally AWS_ENDPOINT_URL)');
test.describe.configure({ timeout: 1_200_000 });
const LAUNCH = { timeout: 900_000 };
/** Read from the app's setup.json once the test has run, for the cleanup by tag. */
let setupId: string | undefined;

/** Each cleanup call, ignoring "already gone". */
async function quietly(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if ((error as { name?: string }).name !== 'NoSuchEntityException' && (error as { name?: string }).name !== 'NoSuchEntity') throw error;
  }
}

test.afterAll(async () => {
  if (!LIVE) return;
  const region = process.env['AWS_REGION'] ?? 'us-east-1';
  if (setupId) {
    // Whatever the test left of the server, removed without Onramp's teardown; then prove nothing tagged for the setup is left.
    const ec2 = new EC2Client({ region });
    try {
      await removeTagged(ec2, setupId);
      expect(await taggedLeft(ec2, setupId)).toEqual({ addresses: [], instances: [], securityGroups: [], keyPairs: [] });
    } finally {
      ec2.destroy();
    }
  }
  const iam = new IAMClient({ region });
  await quietly(() => iam.send(new DeleteLoginProfileCommand({ UserName: USER })));
  const assigned = await iam.send(new ListMFADevicesCommand({ UserName: USER })).catch(() => ({ MFADevices: [] }));
  for (const device of assigned.MFADevices ?? []) {
    await quietly(() => iam.send(new DeactivateMFADeviceCommand({ UserName: USER, SerialNumber: device.SerialNumber })));
    await quietly(() => iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber })));
  }
  const unassigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }));
  for (const device of unassigned.VirtualMFADevices ?? []) {
    if (device.SerialNumber?.endsWith(`-${USER}`)) await quietly(() => iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber })));
  }
  const keys = await iam.send(new ListAccessKeysCommand({ UserName: USER })).catch(() => ({ AccessKeyMetadata: [] }));
  for (const key of keys.AccessKeyMetadata ?? []) await quietly(() => iam.send(new DeleteAccessKeyCommand({ UserName: USER, AccessKeyId: key.AccessKeyId })));
  await quietly(() => iam.send(new RemoveUserFromGroupCommand({ UserName: USER, GroupName: GROUP })));
  await quietly(() => iam.send(new DeleteUserCommand({ UserName: USER })));
  const attached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: GROUP })).catch(() => ({ AttachedPolicies: [] }));
  for (const policy of attached.AttachedPolicies ?? []) await quietly(() => iam.send(new DetachGroupPolicyCommand({ GroupName: GROUP, PolicyArn: policy.PolicyArn })));
  const inline = await iam.send(new ListGroupPoliciesCommand({ GroupName: GROUP })).catch(() => ({ PolicyNames: [] }));
  for (const name of inline.PolicyNames ?? []) await quietly(() => iam.send(new DeleteGroupPolicyCommand({ GroupName: GROUP, PolicyName: name })));
  await quietly(() => iam.send(new DeleteGroupCommand({ GroupName: GROUP })));
  const userLeft = await iam.send(new GetUserCommand({ UserName: USER })).then(() => true, () => false);
  iam.destroy();
  expect(userLeft).toBe(false);
});

test('live: Connect AWS (My environment) → IAM user → MFA → the app works as the IAM user', async ({ app, appPage: page }) => {
  await createKeychainVault(page);
  await page.getByRole('radio', { name: /My environment/ }).check();
  await page.getByTestId('aws-verify').click();
  await expect(page.getByTestId('aws-arn')).toHaveText(/^arn:aws[a-z-]*:(iam|sts)::\d{12}:/, SLOW);
  // Connect AWS has written the setup (its id tags everything the launch makes).
  setupId = (JSON.parse(readFileSync(path.join(app.dataDir, 'setup.json'), 'utf8')) as { setupId?: string }).setupId;

  await page.locator('[data-page="secure-account"]').click();
  await expect(page.getByTestId('region-badge')).toBeVisible();
  await expect(page.getByTestId('root-mfa-state')).not.toHaveAttribute('data-state', 'checking', SLOW);
  await page.locator('#iam-user-name').fill(USER);
  await page.locator('#iam-group-name').fill(GROUP);
  await page.getByTestId('iam-create-user').click();
  await expect(page.getByTestId('iam-user-result')).toContainText(`${USER} is ready`, SLOW);

  await page.getByTestId('mfa-start').click();
  await expect(page.getByTestId('mfa-qr')).toBeVisible(SLOW);
  await page.getByTestId('mfa-cant-scan').click();
  const key = ((await page.getByTestId('mfa-key').textContent()) ?? '').replace(/\s/g, '');
  const [code1, code2] = twoConsecutiveCodes(key);
  await page.getByTestId('mfa-code-1').fill(code1);
  await page.getByTestId('mfa-code-2').fill(code2);
  await page.getByTestId('mfa-enable').click();
  await expect(page.getByTestId('user-mfa-enabled')).toBeVisible(SLOW);

  const deleteRoot = page.getByTestId('iam-delete-root-key');
  if (await deleteRoot.count()) await deleteRoot.uncheck(); // "My environment" is not a temporary key Onramp may delete
  await page.getByTestId('iam-create-key').click();
  await expect(page.getByTestId('iam-key-result')).toContainText(`:user/${USER}`, SLOW);
  await expect(page.locator('[data-page="secure-account"]')).toHaveClass(/done/, SLOW);

  // Launch as the IAM user: a new key pair into the vault, SSH from a documentation address only, the free-tier default type.
  await page.locator('[data-page="launch-server"]').click();
  await page.locator('#server-name').fill(`live-${suffix}`);
  await page.locator('#my-ip').fill('198.51.100.7');
  await page.getByTestId('launch').click();
  // The server card shows what AWS holds as it appears; the launch has ended when its progress says so.
  await expect(page.getByTestId('op-progress').first()).toHaveAttribute('data-state', 'succeeded', LAUNCH);
  await expect(page.getByTestId('launch-result').locator('code')).toHaveCount(2, SLOW);
  const ip = ((await page.getByTestId('launch-result').locator('code').nth(1).textContent()) ?? '').trim();
  expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  await page.locator('[data-page="static-ip"]').click();
  await expect(page.getByTestId('elastic-ip')).toContainText(ip, SLOW);

  // Teardown of everything tagged for the setup, then the IAM user with the credentials that made it.
  await page.locator('[data-page="done"]').click();
  await expect(page.getByTestId('tagged-resources')).toContainText(ip, SLOW);
  await page.getByRole('button', { name: 'Tear down everything' }).click();
  await page.getByTestId('teardown-confirm').click();
  await expect(page.getByTestId('teardown-result')).toBeVisible(LAUNCH);
  await expect(page.getByTestId('tagged-resources')).toContainText('Nothing tagged for this setup exists', SLOW);
  // Every page agrees, without a reload.
  await expect(page.locator('[data-page="launch-server"]')).toHaveAttribute('data-done', 'false', SLOW);
  await expect(page.locator('[data-page="static-ip"]')).toHaveAttribute('data-done', 'false', SLOW);
  await page.locator('[data-page="launch-server"]').click();
  await expect(page.getByTestId('launch-result')).toHaveCount(0, SLOW);
  await page.locator('[data-page="static-ip"]').click();
  await expect(page.getByTestId('elastic-ip')).toHaveCount(0, SLOW);
  await page.locator('[data-page="done"]').click();
  await page.getByTestId('iam-teardown-source').selectOption('default');
  await page.getByTestId('iam-teardown-start').click();
  await expect(page.getByTestId('iam-teardown-result')).toContainText(`${USER} is deleted`, LAUNCH);
  // The app ran as that user's key: it goes back to the credentials that deleted it (My environment).
  await expect(page.getByTestId('iam-source-restored')).toBeVisible();
  await expect(page.locator('[data-page="secure-account"]')).toHaveAttribute('data-done', 'false', SLOW);
});
