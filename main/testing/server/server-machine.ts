/**
 * Everything the Web server + HTTPS integration tests, the injection test and
 * the benchmark need, all REAL: the machine lock, the machine's nginx/certbot
 * state saved and restored, a real sshd as the bring-your-own server (user
 * `onramp` with passwordless sudo) with a trusted host key, a visible PTY
 * shell with shell integration, pebble + challtestsrv, and the app on :8000.
 */
import { startSshd, type SshdFixture } from '../sshd-fixture';
import { fixtureManager, type FixtureManager } from '../ssh/fixture-manager';
import { sshRemote, type RemoteShell } from '../../server/remote';
import { lockServerMachine } from './machine-lock';
import { saveMachineState, type MachineState } from './machine-state';
import { startPebble, type PebbleFixture } from './pebble';
import { startTestApp, type TestApp } from './test-app';

export interface ServerMachine {
  sshd: SshdFixture;
  ssh: FixtureManager;
  sessionId: string;
  /** Commands typed into the PTY shell (as the user would watch them). */
  remote: RemoteShell;
  pebble?: PebbleFixture;
  app?: TestApp;
  /** What the terminal showed so far. */
  terminalText(): string;
  stop(): Promise<void>;
}

export async function startServerMachine(options: { pebble?: boolean; app?: boolean } = {}): Promise<ServerMachine> {
  const unlock = await lockServerMachine();
  const stops: (() => Promise<void>)[] = [unlock];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error: unknown) => console.error('cleanup failed', error));
  };
  try {
    const state: MachineState = await saveMachineState();
    stops.push(() => state.restore());
    const sshd = await startSshd();
    stops.push(() => sshd.stop());
    const ssh = await fixtureManager(sshd);
    stops.push(() => ssh.dispose());
    await ssh.trustFixture();
    const pebble = options.pebble ? await startPebble() : undefined;
    if (pebble) stops.push(() => pebble.stop());
    const app = options.app ? await startTestApp(8000) : undefined;
    if (app) stops.push(() => app.stop());
    const target = ssh.target();
    const sessionId = await ssh.manager.openShell(target, { cols: 160, rows: 40 });
    return {
      sshd,
      ssh,
      sessionId,
      remote: sshRemote(ssh.manager, target, sessionId),
      pebble,
      app,
      terminalText: () => ssh.events.textOf(sessionId),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export const neverCancelled: AbortSignal = new AbortController().signal;

/** A progress sink that records phases (what the UI would show). */
export function recordingProgress(): { phases: string[]; progress(update: { phase: string }): void } {
  const phases: string[] = [];
  return { phases, progress: (update) => void (phases[phases.length - 1] !== update.phase && phases.push(update.phase)) };
}
