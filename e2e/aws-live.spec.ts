/**
 * Against a real AWS account (or any AWS-compatible endpoint), with no mocks:
 * runs only when ONRAMP_LIVE_AWS=1, with whatever AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_REGION and AWS_ENDPOINT_URL name (the host is
 * in-process, so main sees the same environment). `npm test` runs it against the
 * AWS API emulator kept in ../shared/tools/moto, plain and with IAM policies
 * enforced (.ci/moto.mjs); nothing here knows which endpoint it talks to.
 *
 * One app and one page go through the tests in order (serial): Connect AWS
 * ("My environment"), Secure the account (MFA codes from the "Can't scan it?"
 * key) and the switch to the IAM user's key; the launch as that user (Elastic
 * IP included); least privilege (an instance without the setup's tag cannot be
 * stopped); teardown from Done, after which every page agrees; the IAM user's
 * deletion with "My environment". It does not rely on ClientToken, console
 * output or the SSM parameter (the DescribeImages fallback serves). afterAll,
 * which runs even when a test fails, removes whatever is left (EC2 by the setup
 * tag, then IAM) with its own SDK calls, never Onramp's teardown, and checks
 * that nothing tagged for the setup and no IAM user it made remain.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SetupState } from '../common/contract/schemas/setup';
import { removeTagged, taggedLeft } from '../main/testing/aws/live-cleanup';
import { twoConsecutiveCodes } from '../main/testing/aws/totp';
import { groupPolicies, policiesEnforced, region, removeIamUser, resourceScopesIgnored, stopVerdicts, userExists } from './aws-live-helpers';
import { expect, openApp, test as base, type HostFixture } from './fixtures';
import { createKeychainVault } from './vault-helpers';

const LIVE = process.env['ONRAMP_LIVE_AWS'] === '1';
const suffix = `${Date.now().toString(36)}`;
const USER = `onramp-live-${suffix}`;
const GROUP = `onramp-live-${suffix}`;
const SLOW = { timeout: 90_000 };
const LAUNCH = { timeout: 900_000 };
const EC2_FULL_ACCESS = 'arn:aws:iam::aws:policy/AmazonEC2FullAccess';

base.skip(
  !LIVE,
  'Live AWS run: set ONRAMP_LIVE_AWS=1 with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_REGION (and optionally AWS_ENDPOINT_URL); `npm test` does so against the AWS API emulator in ../shared/tools/moto when that folder is beside the clone',
);
base.describe.configure({ mode: 'serial', timeout: 1_200_000 });

/** One app and page for the whole journey: each test goes on from where the last one left it. */
const test = base.extend<object, { journey: { app: HostFixture; page: Page } }>({
  journey: [
    async ({ browser }, use) => {
      const { close, ...app } = await openApp();
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
      const page = await context.newPage();
      await page.goto(app.host.url);
      await expect(page.locator('[data-testid^="page-"]')).toBeVisible();
      await use({ app, page });
      await context.close();
      await close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

/** What one test learnt that a later one (or afterAll) needs. */
const seen: { setupId?: string; userArn?: string; accountId?: string; accessKeyItemId?: string; instanceId?: string; ip?: string; enforced?: boolean; policies?: string[]; scopesIgnored?: string } = {};

/**
 * Where the endpoint enforces policies but cannot judge a resource-scoped statement (see
 * resourceScopesIgnored), nothing the IAM user does after the switch can pass there: those tests are
 * marked fixme with the reason, never reported as passed.
 */
const fixmeWhereScopesIgnored = () => test.fixme(seen.scopesIgnored !== undefined, seen.scopesIgnored ?? '');
const setupOf = (app: HostFixture) => JSON.parse(readFileSync(path.join(app.dataDir, 'setup.json'), 'utf8')) as SetupState;
const open = (page: Page, id: string) => page.locator(`[data-page="${id}"]`).click();

test.afterAll(async () => {
  if (!LIVE) return;
  if (seen.setupId) {
    // Whatever the tests left of the server, removed without Onramp's teardown; then prove nothing tagged for the setup is left.
    const ec2 = new EC2Client({ region });
    try {
      await removeTagged(ec2, seen.setupId);
      expect(await taggedLeft(ec2, seen.setupId)).toEqual({ addresses: [], instances: [], securityGroups: [], keyPairs: [] });
    } finally {
      ec2.destroy();
    }
  }
  expect(await removeIamUser(USER, GROUP)).toBe(true);
});

test('live: Connect AWS (My environment) → IAM user → MFA → "Create the key and switch": the app now works as the IAM user', async ({ journey: { app, page } }) => {
  await createKeychainVault(page);
  await page.getByRole('radio', { name: /My environment/ }).check();
  await page.getByTestId('aws-verify').click();
  await expect(page.getByTestId('aws-arn')).toHaveText(/^arn:aws[a-z-]*:(iam|sts)::\d{12}:/, SLOW);
  // Connect AWS has written the setup (its id tags everything the launch makes).
  seen.setupId = setupOf(app).setupId;

  await open(page, 'secure-account');
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
  // (The step's own check, now run as the IAM user, and the sidebar are the next test's.)

  // From here on every AWS call of the app is signed with the IAM user's key from the vault, and STS said so.
  const setup = setupOf(app);
  expect(setup.resources.iamAccessKeyItemId).toBeTruthy();
  expect(setup.choices.awsSource).toEqual({ kind: 'vault', itemId: setup.resources.iamAccessKeyItemId });
  expect(setup.choices.awsIdentity?.arn).toMatch(new RegExp(`:user/${USER}$`));
  seen.userArn = setup.choices.awsIdentity?.arn;
  seen.accountId = setup.choices.awsIdentity?.accountId;
  seen.accessKeyItemId = setup.resources.iamAccessKeyItemId;
  seen.enforced = await policiesEnforced();
  seen.policies = await groupPolicies(GROUP);
  seen.scopesIgnored = await resourceScopesIgnored(USER);
});

test("live: after the switch, Secure account's own check agrees with the sidebar (issue 20)", async ({ journey: { page } }) => {
  // Known today (issues 20 and 21): where policies are enforced, AmazonEC2FullAccess does not let the user
  // call iam:GetUser, so the badge says "Couldn't check" next to a sidebar that says done.
  test.fixme(
    seen.enforced === true && (seen.policies ?? []).includes(EC2_FULL_ACCESS),
    "issues 20/21: under enforced policies the preset AmazonEC2FullAccess denies the IAM user's own iam:GetUser; Secure account says \"Couldn't check\" while the sidebar says done",
  );
  fixmeWhereScopesIgnored();
  await open(page, 'secure-account');
  await expect(page.getByTestId('step-status')).toHaveAttribute('data-state', 'done', SLOW);
  await expect(page.locator('[data-page="secure-account"]')).toHaveClass(/done/);
});

test('live: launch the server and its Elastic IP as the IAM user', async ({ journey: { page } }) => {
  // A new key pair into the vault, SSH from a documentation address only, the first type listed (on the Free plan, an eligible one).
  fixmeWhereScopesIgnored();
  await open(page, 'launch-server');
  await page.locator('#server-name').fill(`live-${suffix}`);
  await page.locator('#my-ip').fill('198.51.100.7');
  await page.getByTestId('launch').click();
  // The server card shows what AWS holds as it appears; the launch has ended when its progress says so.
  await expect(page.getByTestId('op-progress').first()).toHaveAttribute('data-state', 'succeeded', LAUNCH);
  await expect(page.getByTestId('launch-result').locator('code')).toHaveCount(2, SLOW);
  seen.instanceId = ((await page.getByTestId('launch-result').locator('code').nth(0).textContent()) ?? '').trim();
  seen.ip = ((await page.getByTestId('launch-result').locator('code').nth(1).textContent()) ?? '').trim();
  expect(seen.instanceId).toMatch(/^i-[0-9a-f]+$/);
  expect(seen.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  await open(page, 'static-ip');
  await expect(page.getByTestId('elastic-ip')).toContainText(seen.ip, SLOW);
  await expect(page.locator('[data-page="launch-server"]')).toHaveClass(/done/, SLOW);
  await expect(page.locator('[data-page="static-ip"]')).toHaveClass(/done/, SLOW);
});

test("live: least privilege: the IAM user cannot stop an instance without the setup's tag (issue 21)", async () => {
  const { userArn, accountId, setupId, instanceId } = seen;
  fixmeWhereScopesIgnored();
  if (!userArn || !accountId || !setupId || !instanceId) throw new Error('the journey did not get as far as the launch');
  const verdicts = await stopVerdicts({ userArn, userName: USER, accountId, setupId, taggedInstance: instanceId });
  // Where the endpoint can neither simulate nor enforce policies, nothing here can tell: skipped, saying why.
  if ('unavailable' in verdicts) test.skip(true, verdicts.unavailable);
  else {
    test.info().annotations.push({ type: 'verdict', description: `${verdicts.how}: stop the setup's instance ${verdicts.tagged}, an untagged one ${verdicts.untagged}; group policies ${(seen.policies ?? []).join(', ')}` });
    // Known today (issue 21): the "EC2 only" preset is AmazonEC2FullAccess (ec2:* on every resource).
    test.fixme(
      verdicts.untagged === 'allowed' && (seen.policies ?? []).includes(EC2_FULL_ACCESS),
      'issue 21: the preset is still AmazonEC2FullAccess, which lets the IAM user stop any instance; the least-privilege policy is not in yet',
    );
    expect(verdicts).toEqual({ how: verdicts.how, tagged: 'allowed', untagged: 'denied' });
  }
});

test('live: tear down from Done; then every page agrees that nothing exists (issue 20)', async ({ journey: { page } }) => {
  fixmeWhereScopesIgnored();
  const { instanceId = '?', ip = '?' } = seen;
  await open(page, 'done');
  await expect(page.getByTestId('tagged-resources')).toContainText(ip, SLOW);
  await page.getByRole('button', { name: 'Tear down everything' }).click();
  await page.getByTestId('teardown-confirm').click();
  await expect(page.getByTestId('teardown-result')).toBeVisible(LAUNCH);
  // Without leaving the page: Done reloads what exists when the teardown finishes.
  await expect(page.getByTestId('tagged-resources')).toContainText('Nothing tagged for this setup exists', SLOW);
  for (const step of ['launch-server', 'static-ip', 'connect', 'web-server', 'app', 'https']) {
    await expect(page.locator(`[data-page="${step}"]`), `sidebar: ${step}`).not.toHaveClass(/done/, SLOW);
    await open(page, step);
    await expect(page.getByTestId('step-status'), `${step}: its check`).toHaveAttribute('data-state', 'not-done', SLOW);
  }
  // Launch no longer shows the torn-down server (the page shows what AWS holds, not the last launch's result).
  await open(page, 'launch-server');
  await expect(page.getByTestId('launch-result')).toHaveCount(0, SLOW);
  await expect(page.getByTestId('page-launch-server')).not.toContainText(instanceId);
  await open(page, 'static-ip');
  await expect(page.getByTestId('elastic-ip')).toHaveCount(0, SLOW);
  await open(page, 'connect');
  await expect(page.getByTestId('page-connect')).not.toContainText(instanceId);
  await expect(page.getByTestId('page-connect')).not.toContainText(ip);
  await open(page, 'done');
  await expect(page.getByTestId('tagged-resources')).toContainText('Nothing tagged for this setup exists', SLOW);
  // And reality agrees, asked with the spec's own calls before afterAll's cleanup could hide a leftover.
  const ec2 = new EC2Client({ region });
  try {
    expect(await taggedLeft(ec2, seen.setupId ?? '?')).toEqual({ addresses: [], instances: [], securityGroups: [], keyPairs: [] });
  } finally {
    ec2.destroy();
  }
});

test('live: delete the IAM user from Done with the credentials that made it', async ({ journey: { page } }) => {
  await open(page, 'done');
  await page.getByTestId('iam-teardown-source').selectOption('default');
  await page.getByTestId('iam-teardown-start').click();
  await page.getByTestId('iam-teardown-confirm').click();
  await expect(page.getByTestId('iam-teardown-result')).toContainText(`${USER} is deleted`, LAUNCH);
  expect(await userExists(USER), 'IAM says the user is gone').toBe(false);
  // The app ran as that user's key: it goes back to the credentials that deleted it (My environment).
  await expect(page.getByTestId('iam-source-restored')).toBeVisible();
  await expect(page.locator('[data-page="secure-account"]')).toHaveAttribute('data-done', 'false', SLOW);
});

// Issue 20 (one journey model, point 5): when the IAM user the app runs as is deleted, the AWS source goes
// back to the credentials that made it, and the AWS pages work with them (no AuthFailure from the dead key).
test('live: after the IAM user is deleted, the AWS source falls back to the credentials that made it (issue 20)', async ({ journey: { app, page } }) => {
  expect(setupOf(app).choices.awsSource).toEqual({ kind: 'default' });
  await open(page, 'done');
    await expect(page.getByTestId('tagged-resources')).toContainText('Nothing tagged for this setup exists', SLOW);
});
