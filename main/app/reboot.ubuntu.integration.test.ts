/**
 * "The app comes back after a reboot", and the Reboot button's wait, on a
 * real Ubuntu 26.04 machine that reboots itself (a rebootable machine of
 * main/testing/systemd-server boots again when its systemd reboots, as a
 * server does): the Node starter deployed with `app.deploy`, then `app.reboot`
 * asks the server to restart, rides out the dropped connection, and ends only
 * when SSH answers from a new boot; the enabled unit has the app answering
 * through nginx again without anyone touching it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyWebServerStep, startAppMachine, type AppMachine } from '../testing/app/app-machine';
import { skipWithoutSystemdServers } from '../testing/systemd-server/availability';
import { eventually } from '../testing/systemd-server/machine-app';

describe.skipIf(skipWithoutSystemdServers('the App reboot test'))('App across a reboot on real Ubuntu 26.04', () => {
  let fx: AppMachine;
  const domain = 'reboot.onramp.test';

  beforeAll(async () => {
    fx = await startAppMachine('26.04', domain, { rebootable: true });
    await applyWebServerStep(fx);
  }, 300_000);
  afterAll(async () => {
    await fx?.stop();
  }, 60_000);

  it('app.reboot waits for a new boot over SSH, and the service answers through nginx again on its own', async () => {
    const source = { kind: 'starter', runtime: 'node' } as const;
    const { plan } = await fx.op('app.inspect', { source });
    await fx.op('app.deploy', { sessionId: fx.ssh.sessionId, source, plan });
    await eventually('the starter to answer', fx.answer, (a) => a.status === 200 && a.body.includes(`${domain} works`), 15_000);
    const bootBefore = (await fx.machine.run('cat /proc/sys/kernel/random/boot_id')).trim();
    const pidBefore = (await fx.machine.run('systemctl show -p MainPID --value onramp-site')).trim();

    const result = await fx.op('app.reboot', {});

    expect(result.seconds).toBeGreaterThan(0);
    expect((await fx.machine.run('cat /proc/sys/kernel/random/boot_id')).trim()).not.toBe(bootBefore);
    expect(fx.phases).toEqual(expect.arrayContaining(['app:phases.reboot', 'app:phases.waitSsh']));
    const back = await eventually('the starter to answer after the reboot', fx.answer, (a) => a.status === 200 && a.body.includes(`${domain} works`), 60_000);
    expect(back.status).toBe(200);
    expect((await fx.machine.run('systemctl is-enabled onramp-site')).trim()).toBe('enabled');
    expect((await fx.machine.run('systemctl show -p MainPID --value onramp-site')).trim()).not.toBe(pidBefore);
  }, 400_000);
});
