/**
 * The Reboot button's operation with a scripted server: the reboot is asked
 * for, the connection drops while it restarts, and the operation ends only
 * when SSH answers from a NEW boot (a server that never went down is not
 * "back"); it is cancelled at once while it waits. The real reboot, with the
 * app coming back, is reboot.ubuntu.integration.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { SetupState } from '../../common/contract/schemas/setup';
import { freshSetupState } from '../setup/state-store';
import type { ExecResult } from '../ssh';
import type { AppStepDeps } from './app-deps';
import { rebootOperation } from './care-operations';

function deps(answers: (command: string) => ExecResult | Error): { deps: AppStepDeps; commands: string[] } {
  const commands: string[] = [];
  const state: SetupState = { ...freshSetupState(), choices: { path: 'own-server', ownServer: { host: '192.0.2.10', port: 22, user: 'ubuntu', keyId: 'k' } } };
  const ssh = {
    exec: async (_target: unknown, command: string) => {
      commands.push(command);
      const answer = answers(command);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    writeFile: async () => undefined,
    runInTerminal: async () => ({ exitCode: 0 }),
    uploadTree: async () => ({ sentFiles: 0, sentBytes: 0, skippedFiles: 0 }),
  } as unknown as AppStepDeps['ssh'];
  return {
    commands,
    deps: {
      setup: { get: async () => state, update: async () => state },
      ssh,
      knownHosts: { lookup: async () => ({ pinned: [] }) } as unknown as AppStepDeps['knownHosts'],
      settings: { read: async () => ({ values: new Map(), secretNames: new Set() }), write: async () => 'x' },
      deployKeys: { publicOf: () => undefined, create: async () => ({ itemId: 'x', publicKey: '', fingerprint: '' }), privateOf: async () => '' },
      chooseFolder: async () => null,
    },
  };
}

const ok = (stdout: string): ExecResult => ({ code: 0, signal: undefined, stdout, stderr: '', truncated: false }) as unknown as ExecResult;

describe('app.reboot', () => {
  it('asks for the reboot, waits through the dropped connection, and ends when a new boot answers', async () => {
    let boots = 0;
    let downFor = 2;
    const { deps: d, commands } = deps((command) => {
      if (command.includes('systemctl reboot')) {
        boots += 1;
        return new Error('connection lost');
      }
      if (boots === 0) return ok('boot-a\n');
      if (downFor-- > 0) return new Error('connect ECONNREFUSED');
      return ok('boot-b\n');
    });
    const phases: string[] = [];
    const result = await rebootOperation(d).run({}, { signal: new AbortController().signal, progress: (u) => phases.push(u.phase) });
    expect(result.seconds).toBeGreaterThan(0);
    expect(commands.filter((c) => c.includes('systemctl reboot'))).toHaveLength(1);
    expect(phases).toEqual(['app:phases.reboot', 'app:phases.waitSsh', 'app:phases.done']);
  }, 20_000);

  it('is cancelled while it waits, with the cancel the page shows', async () => {
    const controller = new AbortController();
    const { deps: d } = deps((command) => (command.includes('systemctl reboot') ? ok('') : ok('same-boot\n')));
    const running = rebootOperation(d).run({}, { signal: controller.signal, progress: () => undefined });
    setTimeout(() => controller.abort(), 2500);
    await expect(running).rejects.toMatchObject({ code: 'server.cancelled' });
  }, 20_000);
});
