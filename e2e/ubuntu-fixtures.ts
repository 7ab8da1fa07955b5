/**
 * Specs that need a server with systemd (the App step's service, its restart
 * after a crash, its journal): one REAL Ubuntu machine per worker, booted with
 * systemd-nspawn (main/testing/systemd-server/), reached over SSH as the
 * user's own server. Its apt reaches the Ubuntu archive through the fixture's
 * forwarder, so the product installs nginx and the runtimes itself. Without
 * root or the cached root filesystem the spec is skipped with the reason (on
 * CI, ONRAMP_SYSTEMD_SERVERS=required makes that a failure instead).
 */
import { whyNoSystemdServers, systemdServersRequired } from '../main/testing/systemd-server/availability';
import { startUbuntuMachine, type UbuntuMachine } from '../main/testing/systemd-server/ubuntu-machine';
import { test as base } from './terminal-fixtures';

export const ubuntuSkipReason = systemdServersRequired() ? undefined : whyNoSystemdServers();

export const test = base.extend<object, { ubuntu: UbuntuMachine }>({
  ubuntu: [
    async ({}, use) => {
      const machine = await startUbuntuMachine({ release: '26.04' });
      await use(machine);
      await machine.stop();
    },
    { scope: 'worker', timeout: 300_000 },
  ],
});

export { expect, screenshot } from './fixtures';
