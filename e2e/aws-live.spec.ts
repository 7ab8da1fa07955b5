/**
 * Against a real AWS account (or any AWS-compatible endpoint), with no mocks:
 * runs only when ONRAMP_LIVE_AWS=1, with whatever AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_REGION and AWS_ENDPOINT_URL name (the host is
 * in-process, so main sees the same environment). It drives Connect AWS
 * ("My environment") and Secure the account, computes the MFA codes from the
 * "Can't scan it?" key, and removes everything it made in afterAll, which runs
 * even when the test fails.
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
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
  RemoveUserFromGroupCommand,
} from '@aws-sdk/client-iam';
import { expect, test } from './fixtures';
import { twoConsecutiveCodes } from './aws-mock/totp';
import { createKeychainVault } from './vault-helpers';

const LIVE = process.env['ONRAMP_LIVE_AWS'] === '1';
const suffix = `${Date.now().toString(36)}`;
const USER = `onramp-live-${suffix}`;
const GROUP = `onramp-live-${suffix}`;
const SLOW = { timeout: 90_000 };

test.skip(!LIVE, 'Live AWS run: set ONRAMP_LIVE_AWS=1 with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_REGION (and optionally AWS_ENDPOINT_URL)');
test.describe.configure({ timeout: 300_000 });

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
  const iam = new IAMClient({ region: process.env['AWS_REGION'] ?? 'us-east-1' });
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
  iam.destroy();
});

test('live: Connect AWS (My environment) → IAM user → MFA → the app works as the IAM user', async ({ appPage: page }) => {
  await createKeychainVault(page);
  await page.getByRole('radio', { name: /My environment/ }).check();
  await page.getByTestId('aws-verify').click();
  await expect(page.getByTestId('aws-arn')).toHaveText(/^arn:aws[a-z-]*:(iam|sts)::\d{12}:/, SLOW);

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
});
