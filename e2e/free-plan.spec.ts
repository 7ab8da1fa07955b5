/**
 * A new account on the AWS Free plan, in Chromium through the test host: the
 * Free Tier API is a local server found through AWS_ENDPOINT_URL_FREETIER (as
 * the SDK finds any endpoint), EC2 and Budgets the stateful mocks. The launch
 * page says what the plan means and lists only its types with their true
 * monthly cost (instance + disk + IPv4); the cost guard is set in one click;
 * Done shows the total, how long the credits last, and the budget, which
 * teardown removes only when asked.
 */
import { expect } from './fixtures';
import { connectWithRootKey, mockAwsTest as test } from './aws-mock/fixture';
import { startFakeAwsServer } from '../main/testing/aws/fake-aws-server';
import { openPage, pageScreenshot } from './vault-helpers';

test('Free plan: eligible types with true costs, the cost guard, Done with the credits and the budget', async ({ appPage: page, world, budgets }) => {
  test.setTimeout(120_000);
  const freeTier = await startFakeAwsServer(() => ({
    status: 200,
    contentType: 'application/x-amz-json-1.0',
    body: JSON.stringify({ accountId: '210987654321', accountPlanType: 'FREE', accountPlanStatus: 'ACTIVE', accountPlanRemainingCredits: { amount: 120, unit: 'USD' }, accountPlanExpirationDate: Date.UTC(2027, 4, 1) / 1000 }),
  }));
  const saved = process.env['AWS_ENDPOINT_URL_FREETIER'];
  process.env['AWS_ENDPOINT_URL_FREETIER'] = freeTier.url;
  try {
    await connectWithRootKey(page, 'us-east-1');
    await openPage(page, 'launch-server');

    const notice = page.getByTestId('plan-notice');
    await expect(notice).toHaveAttribute('data-plan', 'free');
    await expect(notice).toContainText('Credits left: $120.00');
    await expect(notice).toContainText('May 1, 2027');
    await expect(notice).toContainText('closes the account unless you upgrade');
    await expect(notice.getByRole('button', { name: 'Open the upgrade page' })).toBeVisible();

    // Ubuntu: 26.04 (the default, with the reason), 24.04 and 22.04 with its end of support.
    await expect(page.locator('#ubuntu')).toHaveValue('26.04');
    await expect(page.locator('#ubuntu option')).toHaveText(['Ubuntu 26.04 LTS (newest, default)', 'Ubuntu 24.04 LTS', 'Ubuntu 22.04 LTS (standard support ends April 2027)']);
    await expect(page.locator('#ubuntu-help')).toContainText('26.04 is the default because');

    // Only the Free plan's types (the mock offers t3.micro and t3.small), priced with the disk and the address.
    await expect(page.locator('input[name="instance-type"]')).toHaveCount(2);
    await expect(page.getByTestId('cost-t3.micro')).toContainText('about $12.52/month');
    await expect(page.getByTestId('cost-t3.micro')).toContainText('instance $7.59 + disk $1.28 + IPv4 $3.65');
    await page.locator('#storage').fill('30');
    await expect(page.getByTestId('cost-t3.micro')).toContainText('$13.64/month');
    await expect(page.getByText('Free tier eligible')).toHaveCount(0);

    await page.locator('#my-ip').fill('198.51.100.7');
    await page.getByTestId('launch').click();
    await expect(page.getByTestId('launch-result')).toBeVisible({ timeout: 60_000 });
    expect(world.liveInstances().map((i) => i.type)).toEqual(['t3.micro']);

    // The cost guard: the Free plan's credits are the default amount.
    const guard = page.getByTestId('cost-guard');
    await expect(guard.locator('#budget-amount')).toHaveValue('120');
    await guard.locator('#budget-email').fill('me@example.com');
    await guard.getByTestId('cost-guard-start').click();
    await expect(page.getByTestId('cost-guard-result')).toContainText('$120.00 a month, alerts to me@example.com');
    expect(budgets.budgets.size).toBe(1);
    await pageScreenshot(page, 'launch-server-free-plan-en');

    await openPage(page, 'done');
    const cost = page.getByTestId('monthly-cost');
    await expect(cost).toContainText('about $13.64 a month');
    await expect(cost).toContainText('Instances $7.59 + disks $2.40 + public IPv4 $3.65');
    await expect(page.getByTestId('credit-runway')).toContainText('last about 8.7 months');
    await expect(page.getByTestId('budget-summary')).toContainText('$120.00 a month, alerts to me@example.com');
    await pageScreenshot(page, 'done-free-plan-en');

    await page.getByRole('button', { name: /Tear down/ }).first().click();
    await page.getByTestId('teardown-budget').check();
    await page.getByTestId('teardown-confirm').click();
    await expect(page.getByTestId('teardown-result')).toContainText('Budget alerts deleted: 1');
    expect(budgets.budgets.size).toBe(0);
    expect(world.liveInstances()).toHaveLength(0);
  } finally {
    if (saved === undefined) delete process.env['AWS_ENDPOINT_URL_FREETIER'];
    else process.env['AWS_ENDPOINT_URL_FREETIER'] = saved;
    await freeTier.close();
  }
});
