/**
 * The terminal spec's fixtures on top of ./fixtures: a REAL OpenSSH server on
 * loopback (main/testing/sshd-fixture.ts), one per worker, with the test user
 * `onramp` and throwaway client keys; and no uncaught page errors.
 * `sshdTest` is the server alone, for specs that merge it with other fixtures.
 */
import { startSshd, type SshdFixture } from '../main/testing/sshd-fixture';
import { expect, test as base } from './fixtures';

export const sshdTest = base.extend<object, { sshd: SshdFixture }>({
  sshd: [
    async ({}, use) => {
      const sshd = await startSshd();
      await use(sshd);
      await sshd.stop();
    },
    { scope: 'worker' },
  ],
});

export const test = sshdTest.extend<{ noPageErrors: void }>({
  /** Any uncaught error in the page fails the test (React would otherwise unmount the page silently). */
  noPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use();
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect, screenshot } from './fixtures';
