/**
 * The Domain spec's fixtures on top of ./fixtures: a REAL DNS server (Knot on
 * loopback, main/testing/dns/), one per worker, serving the test zones; the
 * composition root is told, through its `dns` options, to ask it both as the
 * public resolver and for the NS walk (and to reach the nameservers it names
 * on its port). No special case in product code. No uncaught page errors.
 */
import { startKnot, type DnsServerFixture } from '../main/testing/dns/knot-fixture';
import { testZones } from '../main/testing/dns/test-zones';
import { expect, test as base } from './fixtures';

export const test = base.extend<{ noPageErrors: void }, { knot: DnsServerFixture }>({
  noPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use();
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
  knot: [
    async ({}, use) => {
      const knot = await startKnot(testZones());
      await use(knot);
      await knot.stop();
    },
    { scope: 'worker' },
  ],
  serviceOptions: async ({ knot }, use) => {
    await use({ dns: { publicResolvers: [knot.address], nsLookupServers: [knot.address], nameserverPort: knot.port, timeoutMs: 1000, tries: 1 } });
  },
});

export { expect, screenshot } from './fixtures';
