/**
 * Accessibility: axe-core on every page (the nine steps, the vault, settings)
 * in English and Korean, in the state a user has mid-setup: the vault open
 * with items, AWS connected with a root key (warning shown), and a terminal
 * open to a REAL OpenSSH server on loopback. No serious or critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { mergeTests, type Page } from '@playwright/test';
import { stepIds } from '../common/contract/schemas/setup';
import type { SshdFixture } from '../main/testing/sshd-fixture';
import { sshdTest } from './terminal-fixtures';
import { configureOwnServer, tabId, waitForPrompt } from './terminal-helpers';
import { FAKE_KEYS, awsTest } from './vault-fixtures';
import { expect } from './fixtures';
import { openPage, setLanguage } from './vault-helpers';

const test = mergeTests(awsTest, sshdTest);

const PAGES = [...stepIds, 'vault', 'settings'] as const;

/** Serious and critical violations on the page as it is now, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    // xterm's own DOM: its hidden helper textarea and accessibility tree are xterm's, and its
    // rows are a live canvas/DOM mirror of the remote screen (colours chosen by the server's programs).
    .exclude('.xterm')
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n').join(' ')}`));
}

/** The state a user has mid-setup: vault open with a key, AWS checked with a root key, a terminal open. */
async function midSetup(app: Parameters<typeof configureOwnServer>[0], page: Page, sshd: SshdFixture): Promise<void> {
  await configureOwnServer(app, page, sshd); // creates the vault and imports a key
  await openPage(page, 'connect-aws');
  await page.getByRole('button', { name: 'Paste an access key…' }).click();
  await page.locator('#aws-paste-label').fill('root key');
  await page.locator('#aws-paste-id').fill(FAKE_KEYS.root.accessKeyId);
  await page.locator('#aws-paste-secret').fill(FAKE_KEYS.root.secretAccessKey);
  await page.keyboard.press('Enter');
  await page.getByTestId('aws-verify').click();
  await expect(page.getByTestId('aws-root-warning')).toBeVisible(); // the warning and the first-key help are on the page
  await openPage(page, 'connect');
  await page.getByTestId('open-terminal').click();
  await page.getByTestId('host-key-prompt').getByRole('button', { name: 'Trust and connect' }).click();
  await waitForPrompt(page, await tabId(page, 0));
}

for (const language of ['en', 'ko'] as const) {
  test(`every page in ${language} has no serious or critical axe violation (vault open, AWS connected, terminal open)`, async ({ app, appPage: page, sshd }) => {
    test.setTimeout(600_000); // axe walks eleven pages; slow on a loaded machine
    await midSetup(app, page, sshd);
    await setLanguage(page, language, 'connect');
    const found: string[] = [];
    for (const id of PAGES) {
      await openPage(page, id);
      if (id === 'connect') await expect(page.locator('.xterm')).toBeVisible();
      if (id === 'vault') await expect(page.getByTestId('vault-item').first()).toBeVisible();
      const lines = (await seriousViolations(page)).map((line) => `[${language}] ${id}: ${line}`);
      for (const line of lines) console.log(line); // all of them, even if a later page times out
      found.push(...lines);
    }
    expect(found).toEqual([]);
  });
}
