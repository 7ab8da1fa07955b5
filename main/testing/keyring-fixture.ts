/**
 * A real, private Secret Service for tests: a session dbus-daemon with its own
 * config (no .service files, so nothing is auto-activated with the wrong HOME)
 * and gnome-keyring-daemon unlocked with an empty password, both in temp dirs.
 *
 * Needs apt packages dbus-daemon (or dbus) and gnome-keyring; dbus-send comes
 * with dbus-bin. libsecret (via keytar) caches its D-Bus connection per
 * process, so start ONE keyring per test process (per test file under vitest's
 * forks pool) in beforeAll, before keytar is first used, and stop it in afterAll.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run, startDaemon, type Daemon } from './child-process';

export interface KeyringOptions {
  /** Default true: create and unlock the login keyring. False leaves no usable collection. */
  unlock?: boolean;
  /** Default true: also start gnome-keyring. False gives a bus without any Secret Service. */
  secretService?: boolean;
  /** Default true: point this process's DBUS_SESSION_BUS_ADDRESS at the private bus. */
  setProcessEnv?: boolean;
}

export interface KeyringFixture {
  /** Environment for child processes that should use the same keyring. */
  readonly env: NodeJS.ProcessEnv;
  readonly busAddress: string;
  stop(): Promise<void>;
}

function busConfig(socketPath: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socketPath}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`keyring fixture: ${what} did not happen within ${timeoutMs} ms`);
}

async function dbusSend(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  const result = await run('dbus-send', ['--session', '--print-reply', ...args], { env });
  return result.code === 0 ? result.stdout : '';
}

async function waitForBusAddress(daemon: Daemon): Promise<string> {
  let address = '';
  await waitFor('dbus-daemon printing its address', async () => {
    // stdout and stderr are mixed (e.g. "Failed to set fd limit" as non-root), so look for the address line.
    const line = daemon.output().split('\n').find((candidate) => /^unix:.*guid=/.test(candidate));
    if (line) address = line.trim();
    if (daemon.child.exitCode !== null) throw new Error(`dbus-daemon exited: ${daemon.output()}`);
    return address !== '';
  });
  return address;
}

async function waitForUnlockedCollection(env: NodeJS.ProcessEnv, keyring: Daemon): Promise<void> {
  await waitFor('the login collection being unlocked', async () => {
    if (keyring.child.exitCode !== null) throw new Error(`gnome-keyring-daemon exited: ${keyring.output()}`);
    const reply = await dbusSend(env, [
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets/aliases/default',
      'org.freedesktop.DBus.Properties.Get',
      'string:org.freedesktop.Secret.Collection',
      'string:Locked',
    ]);
    return /boolean false/.test(reply);
  });
}

async function waitForServiceName(env: NodeJS.ProcessEnv): Promise<void> {
  await waitFor('org.freedesktop.secrets appearing on the bus', async () => {
    const reply = await dbusSend(env, [
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.secrets',
    ]);
    return /boolean true/.test(reply);
  });
}

function requireCommands(commands: string[]): void {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const missing = commands.filter((command) => !dirs.some((dir) => existsSync(path.join(dir, command))));
  if (missing.length > 0) {
    throw new Error(`keyring fixture: ${missing.join(', ')} not found; install the apt packages dbus-daemon, dbus-bin and gnome-keyring`);
  }
}

export async function startKeyring(options: KeyringOptions = {}): Promise<KeyringFixture> {
  const { unlock = true, secretService = true, setProcessEnv = true } = options;
  requireCommands(['dbus-daemon', 'dbus-send', ...(secretService ? ['gnome-keyring-daemon'] : [])]);
  const root = await mkdtemp(path.join(os.tmpdir(), 'onramp-keyring-'));
  const dirs = {
    HOME: path.join(root, 'home'),
    XDG_DATA_HOME: path.join(root, 'data'),
    XDG_RUNTIME_DIR: path.join(root, 'run'),
    XDG_CACHE_HOME: path.join(root, 'cache'),
    XDG_CONFIG_HOME: path.join(root, 'config'),
  };
  for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true, mode: 0o700 });
  const configPath = path.join(root, 'bus.conf');
  await writeFile(configPath, busConfig(path.join(root, 'bus.sock')));

  const daemons: Daemon[] = [];
  const stopAll = async (): Promise<void> => {
    for (const daemon of daemons.reverse()) await daemon.stop();
    await rm(root, { recursive: true, force: true });
  };
  try {
    const bus = startDaemon('dbus-daemon', ['--config-file', configPath, '--nofork', '--nopidfile', '--print-address=1']);
    daemons.push(bus);
    const busAddress = await waitForBusAddress(bus);
    const env: NodeJS.ProcessEnv = { ...process.env, ...dirs, DBUS_SESSION_BUS_ADDRESS: busAddress };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;

    if (secretService) {
      const args = ['--foreground', '--components=secrets', ...(unlock ? ['--unlock'] : [])];
      const keyring = startDaemon('gnome-keyring-daemon', args, { env });
      daemons.push(keyring);
      // At least one byte (a newline = empty password) or no login keyring is created.
      keyring.child.stdin?.end(unlock ? '\n' : '');
      await waitForServiceName(env);
      if (unlock) await waitForUnlockedCollection(env, keyring);
    }

    const savedAddress = process.env.DBUS_SESSION_BUS_ADDRESS;
    if (setProcessEnv) process.env.DBUS_SESSION_BUS_ADDRESS = busAddress;
    return {
      env,
      busAddress,
      async stop() {
        if (setProcessEnv) {
          if (savedAddress === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
          else process.env.DBUS_SESSION_BUS_ADDRESS = savedAddress;
        }
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
