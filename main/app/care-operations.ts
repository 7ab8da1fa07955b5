/**
 * Day-one server care (`app.care`): a swap file on servers with 2 GiB of
 * memory or less (low swappiness), security updates installed automatically
 * (Ubuntu's default, verified and turned on if off), and the time zone. And
 * `app.reboot` for the "restart required" notice: reboot, then wait for SSH.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../common/errors';
import { defineOperation } from '../setup/operation';
import { holds, sshRemote, visibleOrFail } from '../server/remote';
import { shellQuote } from '../server/shell-quote';
import { stepServer } from '../server/step-server';
import type { AppStepDeps } from './app-deps';
import { readCare } from './app-status';
import { isTimeZone, swapCommand, swapToAdd, timeZoneCommand, UNATTENDED_CHECK, UNATTENDED_ENABLE } from './server-care';

export function careOperation(deps: AppStepDeps) {
  return defineOperation({
    kind: 'app.care',
    step: 'app',
    async run(input, context) {
      if (!isTimeZone(input.timeZone)) throw new AppError('app.badTimeZone', 'Not a time zone.', { zone: input.timeZone });
      const setup = await deps.setup.get();
      const remote = sshRemote(deps.ssh, stepServer(setup).target, input.sessionId);
      context.progress({ phase: 'app:phases.swap', fraction: 0.1 });
      const before = await readCare(remote);
      const free = await remote.exec("df -B1 --output=avail / | tail -n 1", { timeoutMs: 30_000, maxOutputBytes: 4096 });
      const bytes = swapToAdd({ memTotalBytes: before.memoryBytes, swapTotalBytes: before.swapBytes }, Number.parseInt(free.stdout.trim(), 10) || 0);
      if (bytes > 0) await visibleOrFail(remote, `sudo sh -c ${shellQuote(swapCommand(bytes))}`, 'app.swapFailed', {}, 600_000);
      context.progress({ phase: 'app:phases.updates', fraction: 0.5 });
      if (!(await holds(remote, UNATTENDED_CHECK))) await visibleOrFail(remote, `sudo sh -c ${shellQuote(UNATTENDED_ENABLE)}`, 'app.updatesFailed', {}, 600_000);
      context.progress({ phase: 'app:phases.timeZone', fraction: 0.8 });
      await visibleOrFail(remote, `sudo sh -c ${shellQuote(timeZoneCommand(input.timeZone))}`, 'app.timeZoneFailed');
      await deps.setup.update((state) => (state.choices.app ? { ...state, choices: { ...state.choices, app: { ...state.choices.app, timeZone: input.timeZone } } } : state));
      const after = await readCare(remote);
      context.progress({ phase: 'app:phases.done', fraction: 1 });
      return { swapBytes: after.swapBytes, unattendedUpgrades: after.unattendedUpgrades, rebootRequired: after.rebootRequired, timeZone: after.timeZone };
    },
  });
}

const REBOOT_WAIT_MS = 300_000;

export function rebootOperation(deps: AppStepDeps) {
  return defineOperation({
    kind: 'app.reboot',
    step: 'app',
    affects: { steps: ['connect', 'web-server', 'app', 'https'] },
    async run(_input, context) {
      const setup = await deps.setup.get();
      const remote = sshRemote(deps.ssh, stepServer(setup).target);
      const started = Date.now();
      const bootId = (await remote.exec('cat /proc/sys/kernel/random/boot_id', { timeoutMs: 30_000, maxOutputBytes: 1024 })).stdout.trim();
      context.progress({ phase: 'app:phases.reboot', fraction: null });
      // The connection drops as the server goes down: the answer to this command is not awaited as a result.
      await remote.exec('sudo systemd-run --on-active=1 --timer-property=AccuracySec=100ms /bin/systemctl reboot', { timeoutMs: 30_000, maxOutputBytes: 4096 }).catch(() => undefined);
      context.progress({ phase: 'app:phases.waitSsh', fraction: null });
      while (Date.now() - started < REBOOT_WAIT_MS) {
        await sleep(2000, undefined, { signal: context.signal }).catch(() => undefined);
        if (context.signal.aborted) throw new AppError('server.cancelled', 'Cancelled.');
        try {
          const now = (await remote.exec('cat /proc/sys/kernel/random/boot_id', { timeoutMs: 10_000, maxOutputBytes: 1024 })).stdout.trim();
          if (now && now !== bootId) {
            context.progress({ phase: 'app:phases.done', fraction: 1 });
            return { seconds: Math.round((Date.now() - started) / 100) / 10 };
          }
        } catch {
          // Still down: try again until the bound.
        }
      }
      throw new AppError('app.rebootTimeout', 'The server did not come back within five minutes.', { minutes: 5 });
    },
  });
}

