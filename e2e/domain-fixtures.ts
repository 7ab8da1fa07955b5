/**
 * The Domain spec's fixtures on top of ./terminal-fixtures (no uncaught page
 * errors; the sshd starts only for a spec that asks for it): a REAL DNS server
 * (Knot on loopback, main/testing/dns/), one per worker, serving the test
 * zones; the composition root is told, through its `dns` options, to ask it
 * both as the public resolver and for the NS walk (and to reach the
 * nameservers it names on its port). No special case in product code.
 */
import { startKnot, type DnsServerFixture } from '../main/testing/dns/knot-fixture';
import { testZones } from '../main/testing/dns/test-zones';
import { test as base } from './terminal-fixtures';

export const test = base.extend<object, { knot: DnsServerFixture }>({
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
