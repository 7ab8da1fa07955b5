/**
 * A real Ubuntu 24.04 or 26.04 machine with systemd as PID 1, for server-side
 * integration tests (RECIPES.md section 9): the cached root filesystem booted
 * by `systemd-nspawn -b --volatile=overlay` (every boot a fresh machine,
 * writes in RAM) in its own network namespace, reachable over SSH as `ubuntu`
 * (NOPASSWD sudo) with a fresh client key and fresh host key per boot.
 *
 * Never boots systemd against this machine's own root: only nspawn, inside
 * the separate root filesystem. Needs root, systemd-nspawn, socat, zstd, ip.
 *
 * stop() shuts the machine down cleanly (SIGTERM → systemd halts), stops the
 * apt forwarder and deletes the namespace; it also runs at process exit for
 * machines a failed test left running.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, rmSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../child-process';
import { whyNoSystemdServers } from './availability';
import { aptProxyConf, startAptForwarder } from './apt-forwarder';
import { inOwnCgroup, removeCgroups } from './machine-cgroup';
import { createMachineNetwork, removeSlotLeftovers, type MachineNetwork } from './machine-network';
import { PinnedSsh, type ExecOutcome } from './pinned-ssh';
import { ensureRootfs, type UbuntuRelease } from './rootfs-cache';

export type { UbuntuRelease } from './rootfs-cache';

export interface UbuntuMachineOptions {
  readonly release: UbuntuRelease;
  /**
   * Keep the machine's changes on disk across `reboot()` (an overlay of the cached root
   * filesystem mounted here), and boot again when the machine reboots itself. Without it,
   * `--volatile=overlay`: changes live in RAM until stop, and a reboot from inside stops it.
   */
  readonly rebootable?: boolean;
  /** Extra `--bind-ro=` pairs (host path → machine path). */
  readonly bindReadOnly?: readonly { host: string; machine: string }[];
}

export interface UbuntuMachine {
  readonly release: UbuntuRelease;
  /** The machine's address (SSH on 22, nginx on 80/443 as it configures them). */
  readonly host: string;
  readonly port: 22;
  readonly user: 'ubuntu';
  /** The host's address as the machine sees it: bind host services here (or 0.0.0.0) for the machine to reach them. */
  readonly hostAddress: string;
  /** OpenSSH private key of `ubuntu` (text) and the file holding it. */
  readonly privateKey: string;
  readonly privateKeyPath: string;
  /** The machine's only host key, for pinning. */
  readonly hostKeys: { readonly ed25519: { readonly publicLine: string } };
  /** `<host> ssh-ed25519 AAAA…`, a known_hosts line. */
  readonly knownHostsLine: string;
  /** From spawning nspawn to `systemctl is-system-running --wait` answering `running`. */
  readonly bootMs: number;
  /** Runs a command as `ubuntu` over SSH (pinned host key). */
  exec(command: string, timeoutMs?: number): Promise<ExecOutcome>;
  /** exec that throws (with the output) unless the command exits 0; resolves with stdout. */
  run(command: string, timeoutMs?: number): Promise<string>;
  /** Shuts the machine down cleanly and boots it again, keeping its changes (rebootable machines only); resolves with the boot time. */
  reboot(): Promise<number>;
  /** The machine's console output so far. */
  consoleLog(): Promise<string>;
  stop(): Promise<void>;
}

const live = new Map<number, () => void>();
process.once('exit', () => {
  for (const stopNow of live.values()) stopNow();
});

async function keygen(file: string, comment: string): Promise<string> {
  const made = await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
  if (made.code !== 0) throw new Error(`ssh-keygen: ${made.stderr}`);
  return (await fs.readFile(`${file}.pub`, 'utf8')).trim();
}

export async function startUbuntuMachine(options: UbuntuMachineOptions): Promise<UbuntuMachine> {
  const { release } = options;
  const unavailable = whyNoSystemdServers();
  if (unavailable) throw new Error(`cannot boot Ubuntu ${release} here: ${unavailable}`);
  const rootfs = await ensureRootfs(release);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `onramp-ubuntu-${release}-`));
  // (never following a mount: the rebootable machine's root is mounted inside)
  const cleanups: (() => Promise<void>)[] = [async () => void (await run('rm', ['-rf', '--one-file-system', dir]))];
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch((error: unknown) => console.error('systemd-server cleanup failed:', error));
  };
  try {
    const hostKeyLine = await keygen(path.join(dir, 'ssh_host_ed25519_key'), `root@ubuntu-${release}`);
    const clientPath = path.join(dir, 'id_ed25519');
    const clientLine = await keygen(clientPath, 'onramp-test');
    await fs.writeFile(path.join(dir, 'authorized_keys'), `${clientLine}\n`, { mode: 0o644 });

    const network = await createMachineNetwork();
    cleanups.push(() => network.remove());
    const forwarder = await startAptForwarder(network.hostAddress);
    cleanups.push(() => forwarder.stop());
    await fs.writeFile(path.join(dir, '01proxy'), aptProxyConf(network.hostAddress));

    const binds = [
      { host: path.join(dir, 'ssh_host_ed25519_key'), machine: '/etc/ssh/ssh_host_ed25519_key' },
      { host: path.join(dir, 'ssh_host_ed25519_key.pub'), machine: '/etc/ssh/ssh_host_ed25519_key.pub' },
      { host: path.join(dir, 'authorized_keys'), machine: '/home/ubuntu/.ssh/authorized_keys' },
      { host: path.join(dir, '01proxy'), machine: '/etc/apt/apt.conf.d/01proxy' },
      ...(options.bindReadOnly ?? []),
    ];
    const root = await machineRoot(rootfs, dir, options.rebootable === true);
    cleanups.push(() => root.release());
    const logPath = path.join(dir, 'console.log');
    const name = `onramp-ubuntu-${release.replace('.', '')}-${network.slot}`;
    const privateKey = await fs.readFile(clientPath, 'utf8');
    const ssh = new PinnedSsh({ host: network.machineAddress, port: 22, user: 'ubuntu', privateKey, hostKeyLine });
    const consoleLog = () => fs.readFile(logPath, 'utf8').catch(() => '');
    let stopCurrent: { clean(): Promise<void>; now(): void } | undefined;
    const shutdown = async () => {
      live.delete(network.slot);
      await ssh.close();
      await stopCurrent?.clean();
      stopCurrent = undefined;
    };
    cleanups.push(shutdown);
    const boot = async (): Promise<number> => {
      const started = Date.now();
      removeCgroups(name); // (left by a process that died)
      const nspawn = bootNspawn(name, root.nspawnArgs, network, binds, logPath);
      if (nspawn.pid !== undefined) await network.recordMachinePid(nspawn.pid);
      const stopper = nspawnStopper(nspawn, name);
      stopCurrent = stopper;
      // A reboot asked for inside (`systemctl reboot`) ends nspawn with 133, as systemd-nspawn@.service
      // knows (RestartForceExitStatus=133): a rebootable machine boots again, like a real server.
      if (options.rebootable) {
        nspawn.once('exit', (code) => {
          if (code === 133 && stopCurrent === stopper) void boot().catch((error: unknown) => console.warn(`Ubuntu ${release} did not come back after its reboot: ${String(error)}`));
        });
      }
      live.set(network.slot, () => {
        stopper.now();
        root.releaseNow();
        removeSlotLeftovers(network.slot);
        rmSync(dir, { recursive: true, force: true });
      });
      await waitForSsh(ssh, nspawn, consoleLog);
      const state = await ssh.exec('systemctl is-system-running --wait', 60_000);
      if (state.stdout.trim() !== 'running') {
        const failed = await ssh.exec('systemctl --failed --no-legend --no-pager; SYSTEMD_COLORS=0 systemctl status --failed --no-pager -n 15 2>&1 | tail -n 40');
        throw new Error(`Ubuntu ${release} booted ${state.stdout.trim() || 'into nothing'} (not running); failed units and warnings:\n${failed.stdout}`);
      }
      return Date.now() - started;
    };
    const bootMs = await boot();
    const exec = (command: string, timeoutMs?: number) => ssh.exec(command, timeoutMs);
    return {
      release,
      host: network.machineAddress,
      port: 22,
      user: 'ubuntu',
      hostAddress: network.hostAddress,
      privateKey,
      privateKeyPath: clientPath,
      hostKeys: { ed25519: { publicLine: hostKeyLine } },
      knownHostsLine: `${network.machineAddress} ${hostKeyLine.split(' ').slice(0, 2).join(' ')}`,
      bootMs,
      exec,
      async run(command, timeoutMs) {
        const result = await exec(command, timeoutMs);
        if (result.code !== 0) throw new Error(`\`${command}\` exited ${result.code} on Ubuntu ${release}:\n${result.stdout}${result.stderr}`);
        return result.stdout;
      },
      consoleLog,
      async reboot() {
        if (!options.rebootable) throw new Error('reboot() needs startUbuntuMachine({ rebootable: true })');
        await shutdown();
        return boot();
      },
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

interface MachineRoot {
  readonly nspawnArgs: readonly string[];
  release(): Promise<void>;
  /** At process exit (synchronous). */
  releaseNow(): void;
}

/** The cached root filesystem under a RAM overlay nspawn makes; or, to survive reboots, under an overlay on disk made here. */
async function machineRoot(rootfs: string, dir: string, rebootable: boolean): Promise<MachineRoot> {
  if (!rebootable) return { nspawnArgs: ['-D', rootfs, '--volatile=overlay'], release: async () => undefined, releaseNow: () => undefined };
  const upper = path.join(dir, 'upper');
  const work = path.join(dir, 'work');
  const merged = path.join(dir, 'root');
  for (const made of [upper, work, merged]) await fs.mkdir(made);
  const mounted = await run('mount', ['-t', 'overlay', 'overlay', '-o', `lowerdir=${rootfs},upperdir=${upper},workdir=${work}`, merged]);
  if (mounted.code !== 0) throw new Error(`mounting the machine's overlay failed: ${mounted.stderr}`);
  return {
    nspawnArgs: ['-D', merged],
    async release() {
      const unmounted = await run('umount', [merged]);
      if (unmounted.code !== 0 && (await run('umount', ['-l', merged])).code !== 0) throw new Error(`umount ${merged}: ${unmounted.stderr}`);
    },
    releaseNow: () => void spawnSync('umount', ['-l', merged]),
  };
}

function bootNspawn(name: string, rootArgs: readonly string[], network: MachineNetwork, binds: readonly { host: string; machine: string }[], logPath: string): ChildProcess {
  const log = openSync(logPath, 'a');
  try {
    const args = [
      '-b', ...rootArgs, '-M', name,
      // no machined here: --register=no and --keep-unit together (else "Failed to open system bus")
      '--register=no', '--keep-unit', '--console=read-only',
      `--network-namespace-path=${network.namespacePath}`,
      ...binds.map((bind) => `--bind-ro=${bind.host}:${bind.machine}`),
    ];
    // detached: its own session (setsid), stdin from /dev/null; in its own cgroup (machine-cgroup.ts)
    return spawn('sh', inOwnCgroup(name, 'systemd-nspawn', args), {
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, SYSTEMD_NSPAWN_UNIFIED_HIERARCHY: '1' },
    });
  } finally {
    closeSync(log);
  }
}

async function waitForSsh(ssh: PinnedSsh, nspawn: ChildProcess, consoleLog: () => Promise<string>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (nspawn.exitCode !== null || nspawn.signalCode !== null) throw new Error(`systemd-nspawn exited early:\n${await consoleLog()}`);
    try {
      await ssh.connect(2_000);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error(`no SSH on the machine within ${timeoutMs} ms (${String(lastError)}):\n${await consoleLog()}`);
}

/** SIGTERM makes nspawn ask the machine's systemd for a clean shutdown (1.5–2.5 s); SIGKILL after 20 s. */
function nspawnStopper(nspawn: ChildProcess, name: string): { clean(): Promise<void>; now(): void } {
  const pid = nspawn.pid;
  const exited = new Promise<void>((resolve) => {
    if (nspawn.exitCode !== null || nspawn.signalCode !== null) resolve();
    else nspawn.once('exit', () => resolve());
  });
  const running = () => nspawn.exitCode === null && nspawn.signalCode === null;
  return {
    async clean() {
      if (pid !== undefined && running()) {
        nspawn.kill('SIGTERM');
        const timer = setTimeout(() => nspawn.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      removeCgroups(name);
    },
    // At process exit nothing asynchronous runs: stop it and wait synchronously.
    now() {
      if (pid !== undefined && running()) {
        spawnSync('sh', ['-c', 'kill -TERM "$1"; for i in $(seq 100); do kill -0 "$1" 2>/dev/null || exit 0; sleep 0.1; done; kill -KILL "$1"', 'stop', String(pid)]);
      }
      removeCgroups(name);
    },
  };
}
