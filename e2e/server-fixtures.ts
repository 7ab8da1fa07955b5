/**
 * The Domain → Web server → HTTPS spec's fixtures, all REAL (see
 * main/testing/server/ and main/testing/dns/): the machine lock (port 80/443,
 * /etc/nginx and /etc/letsencrypt are the machine's), its nginx/certbot state
 * saved and restored, pebble + challtestsrv as the ACME server and its DNS
 * (Let's Encrypt's view) and the app on :8000; on top of ./domain-fixtures,
 * whose Knot on loopback is the world's DNS for the app (the Domain page and
 * the HTTPS preflight use the same DnsService), and the sshd.
 */
import { lockServerMachine } from '../main/testing/server/machine-lock';
import { saveMachineState } from '../main/testing/server/machine-state';
import { startPebble, type PebbleFixture } from '../main/testing/server/pebble';
import { startTestApp, type TestApp } from '../main/testing/server/test-app';
import { test as base } from './domain-fixtures';

export interface ServerMachineFixture {
  pebble: PebbleFixture;
  app: TestApp;
}

export const test = base.extend<object, { machine: ServerMachineFixture }>({
  machine: [
    async ({}, use) => {
      const unlock = await lockServerMachine();
      const state = await saveMachineState();
      const pebble = await startPebble();
      const app = await startTestApp(8000);
      await use({ pebble, app });
      await app.stop();
      await pebble.stop();
      await state.restore();
      await unlock();
    },
    { scope: 'worker', timeout: 660_000 },
  ],
});

export { expect, screenshot } from './fixtures';
