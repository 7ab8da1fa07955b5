/**
 * The host with the real services, except that AWS clients are answered by
 * the stateful IAM/STS mock (main/testing/aws/iam-state.ts) and EC2/SSM by the stateful EC2
 * world (main/testing/aws/ec2-world.ts), through the composition root's
 * `awsClientsFactory`. `iam` and `world` are that state, for assertions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../main/composition';
import { createHostPlatform } from '../../main/host/host-platform';
import { startHost } from '../../main/host/host-server';
import { hostRendererDir } from '../../main/host/renderer-dir';
import { createKeytarKeychain } from '../../main/vault/keychain';
import type { Page } from '@playwright/test';
import { expect, test as base, type HostFixture } from '../fixtures';
import { createKeychainVault } from '../vault-helpers';
import { BudgetsWorld } from '../../main/testing/aws/budgets-world';
import { Ec2World } from '../../main/testing/aws/ec2-world';
import { IamState } from '../../main/testing/aws/iam-state';
import { mockAwsClientsFactory } from '../../main/testing/aws/mock-clients';

export const MOCK_ACCOUNT = '210987654321';
export const ROOT_KEY = { accessKeyId: 'AKIAROOTROOTEXAMPLE1', secretAccessKey: 'rootSecretKeyExample/abcdefghijklmnopqrst' };

/** The host, plus a simulated crash: stop the services and start new ones over the same data directory. */
/** "Detect my IP" asks here: nothing listens on port 1 of loopback, so detection fails the same way on every machine. */
const UNREACHABLE_MY_IP = 'https://127.0.0.1:1/';

export interface MockAwsHostFixture extends HostFixture {
  restart(): Promise<void>;
}

export const mockAwsTest = base.extend<{ app: MockAwsHostFixture; iam: IamState; world: Ec2World; budgets: BudgetsWorld }>({
  iam: async ({}, use) => {
    await use(new IamState(MOCK_ACCOUNT, ROOT_KEY));
  },
  world: async ({}, use) => {
    await use(new Ec2World());
  },
  budgets: async ({}, use) => {
    await use(new BudgetsWorld(MOCK_ACCOUNT));
  },
  app: async ({ iam, world, budgets }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-e2e-iam-'));
    const traffic: HostFixture['traffic'] = [];
    const rendererDir = hostRendererDir();
    const start = async () => {
      const platform = createHostPlatform('e2e');
      const services = createServices({ dataDir, keychain: createKeytarKeychain(), options: { platform, awsClientsFactory: mockAwsClientsFactory(iam, world, budgets), myIpUrl: UNREACHABLE_MY_IP } });
      const host = await startHost({ services, platform, rendererDir, onTraffic: (direction, text) => traffic.push({ direction, text }) });
      return { platform, services, host };
    };
    let running = await start();
    const stop = async () => {
      await running.host.close();
      await running.services.dispose();
    };
    const fixture: MockAwsHostFixture = {
      host: running.host,
      dataDir,
      traffic,
      queueDialog: async (kind, file) => {
        if (kind === 'open') running.platform.queueOpenFile(file);
        else running.platform.queueSaveFile(file);
      },
      restart: async () => {
        await stop();
        running = await start();
        fixture.host = running.host;
      },
    };
    await use(fixture);
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Connect AWS the way a new account starts: a keychain vault, the mock's root key pasted (in `region` when given), checked; ends on the root warning. */
export async function connectWithRootKey(page: Page, region?: string): Promise<void> {
  await createKeychainVault(page);
  await page.getByRole('button', { name: /Paste an access key/ }).click();
  await page.locator('#aws-paste-label').fill('temporary root key');
  await page.locator('#aws-paste-id').fill(ROOT_KEY.accessKeyId);
  await page.locator('#aws-paste-secret').fill(ROOT_KEY.secretAccessKey);
  await page.keyboard.press('Enter');
  if (region) await page.locator('#aws-region').selectOption(region);
  await page.getByTestId('aws-verify').click();
  await expect(page.getByTestId('aws-root-warning')).toBeVisible();
}
