/**
 * A REAL OpenSSH server on 127.0.0.1 for integration tests (RECIPES §1).
 *
 * Each fixture gets its own temp dir with fresh host keys (ed25519 + rsa),
 * fresh client keys (RSA PEM as AWS hands out, ed25519 in OpenSSH form), its
 * own authorized_keys file and a free port, so several test files can run
 * their own sshd in parallel. The system user `onramp` is created once
 * (idempotent, safe when two workers race).
 *
 * `stop()` kills the listener AND every per-connection sshd it forked (they
 * call setsid(), so we find them through /proc parent links). That is what
 * makes "kill sshd mid-session" observable from the client.
 */
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, run, startDaemon, waitForPort, type Daemon } from './child-process';

export const SSHD_TEST_USER = 'onramp';
const SSHD = '/usr/sbin/sshd';

export interface ClientKey {
  /** Private key text, exactly as the file holds it. */
  readonly privateKey: string;
  readonly path: string;
  readonly publicLine: string;
}

export interface FixtureHostKey {
  /** `ssh-ed25519 AAAA… comment` from the .pub file. */
  readonly publicLine: string;
  /** `SHA256:<base64 without padding>` as `ssh-keygen -l` prints it. */
  readonly fingerprint: string;
  /** The `ssh-keygen -l -f` line as cloud-init prints it to the console. */
  readonly fingerprintLine: string;
}

export interface FixtureHostKeys {
  readonly ed25519: FixtureHostKey;
  readonly rsa: FixtureHostKey;
}

export interface SshdFixture {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly dir: string;
  readonly keys: { readonly rsaPem: ClientKey; readonly ed25519: ClientKey };
  /** Current host keys; replaced by `restart({ newHostKeys: true })`. */
  readonly hostKeys: FixtureHostKeys;
  /** Stop (dropping every session) and start again on the same port. */
  restart(options?: { newHostKeys?: boolean }): Promise<void>;
  /** Kill the listener and every session it forked. Idempotent. */
  stop(): Promise<void>;
  /** Text of the sshd -E log, for debugging failed tests. */
  log(): Promise<string>;
}

export interface SshdOptions {
  /** More sshd_config lines (e.g. `HostKeyAlgorithms ssh-rsa`, `MACs hmac-sha1`), after the standard ones. */
  readonly extraConfig?: readonly string[];
}

export async function startSshd(options: SshdOptions = {}): Promise<SshdFixture> {
  await ensurePrivilegeSeparationDir();
  await ensureTestUser();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-sshd-'));
  await fs.chmod(dir, 0o755); // sshd reads authorized_keys as the test user
  const port = await freePort();
  let hostKeys = await generateHostKeys(dir);
  const keys = {
    rsaPem: await generateClientKey(dir, 'id_rsa_pem', ['-t', 'rsa', '-b', '2048', '-m', 'PEM']),
    ed25519: await generateClientKey(dir, 'id_ed25519', ['-t', 'ed25519']),
  };
  const authorizedKeys = path.join(dir, 'authorized_keys');
  await fs.writeFile(authorizedKeys, `${keys.rsaPem.publicLine}\n${keys.ed25519.publicLine}\n`, { mode: 0o644 });
  const config = path.join(dir, 'sshd_config');
  await fs.writeFile(config, sshdConfig(dir, port, authorizedKeys) + (options.extraConfig ?? []).map((line) => `${line}\n`).join(''));
  const logFile = path.join(dir, 'sshd.log');

  let daemon: Daemon | undefined = await launch(config, logFile, port);
  const stop = async (): Promise<void> => {
    const current = daemon;
    daemon = undefined;
    if (!current) return;
    const pid = current.child.pid;
    if (pid !== undefined) await killDescendants(pid);
    await current.stop();
  };
  return {
    host: '127.0.0.1',
    port,
    user: SSHD_TEST_USER,
    dir,
    keys,
    get hostKeys() {
      return hostKeys;
    },
    async restart(options = {}) {
      await stop();
      if (options.newHostKeys) hostKeys = await generateHostKeys(dir);
      daemon = await launch(config, logFile, port);
    },
    async stop() {
      await stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
    log: () => fs.readFile(logFile, 'utf8').catch(() => ''),
  };
}

function sshdConfig(dir: string, port: number, authorizedKeys: string): string {
  return [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${path.join(dir, 'ssh_host_ed25519_key')}`,
    `HostKey ${path.join(dir, 'ssh_host_rsa_key')}`,
    `PidFile ${path.join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${authorizedKeys}`,
    // The per-fixture authorized_keys lives under /tmp (mode 1777), which
    // StrictModes would reject; the fixture is loopback-only and short-lived.
    'StrictModes no',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PermitRootLogin no',
    `AllowUsers ${SSHD_TEST_USER}`,
    'UsePAM no',
    'Subsystem sftp internal-sftp',
    'LogLevel VERBOSE',
    '',
  ].join('\n');
}

async function launch(config: string, logFile: string, port: number): Promise<Daemon> {
  const check = await run(SSHD, ['-t', '-f', config]);
  if (check.code !== 0) throw new Error(`sshd -t failed: ${check.stderr}`);
  const daemon = startDaemon(SSHD, ['-D', '-f', config, '-E', logFile]);
  try {
    await waitForPort(port);
  } catch (error) {
    await daemon.stop();
    throw new Error(`sshd did not listen on ${port}: ${daemon.output()} ${String(error)}`);
  }
  return daemon;
}

async function generateHostKeys(dir: string): Promise<FixtureHostKeys> {
  const ed = path.join(dir, 'ssh_host_ed25519_key');
  const rsa = path.join(dir, 'ssh_host_rsa_key');
  await fs.rm(ed, { force: true });
  await fs.rm(rsa, { force: true });
  await keygen(['-t', 'ed25519', '-C', 'root@ip-127-0-0-1', '-f', ed]);
  await keygen(['-t', 'rsa', '-b', '3072', '-C', 'root@ip-127-0-0-1', '-f', rsa]);
  return { ed25519: await describeHostKey(`${ed}.pub`), rsa: await describeHostKey(`${rsa}.pub`) };
}

async function describeHostKey(pubFile: string): Promise<FixtureHostKey> {
  const publicLine = (await fs.readFile(pubFile, 'utf8')).trim();
  const listed = await run('ssh-keygen', ['-l', '-f', pubFile]);
  const fingerprintLine = listed.stdout.trim();
  const fingerprint = fingerprintLine.split(/\s+/)[1] ?? '';
  if (!fingerprint.startsWith('SHA256:')) throw new Error(`unexpected ssh-keygen -l output (exit ${listed.code}): ${fingerprintLine} ${listed.stderr.trim()}`);
  return { publicLine, fingerprint, fingerprintLine };
}

async function generateClientKey(dir: string, name: string, args: string[]): Promise<ClientKey> {
  const file = path.join(dir, name);
  await keygen([...args, '-C', `${name}@onramp-test`, '-f', file]);
  return {
    path: file,
    privateKey: await fs.readFile(file, 'utf8'),
    publicLine: (await fs.readFile(`${file}.pub`, 'utf8')).trim(),
  };
}

async function keygen(args: string[]): Promise<void> {
  const result = await run('ssh-keygen', ['-q', '-N', '', ...args]);
  if (result.code !== 0) throw new Error(`ssh-keygen ${args.join(' ')} failed: ${result.stderr}`);
}

async function ensurePrivilegeSeparationDir(): Promise<void> {
  await fs.mkdir('/run/sshd', { recursive: true });
  await fs.chmod('/run/sshd', 0o755);
}

/** useradd / usermod / sudoers, idempotent and tolerant of a parallel worker doing the same. */
async function ensureTestUser(): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const exists = (await run('id', ['-u', SSHD_TEST_USER])).code === 0;
    if (!exists) await run('useradd', ['-m', '-s', '/bin/bash', SSHD_TEST_USER]);
    else if (await accountLocked()) await run('usermod', ['-p', '*', SSHD_TEST_USER]);
    else break;
    await new Promise((resolve) => setTimeout(resolve, 50 + attempt * 25));
  }
  if (await accountLocked()) throw new Error(`could not prepare the ${SSHD_TEST_USER} user`);
  const sudoers = `/etc/sudoers.d/${SSHD_TEST_USER}`;
  const wanted = `${SSHD_TEST_USER} ALL=(ALL) NOPASSWD:ALL\n`;
  const current = await fs.readFile(sudoers, 'utf8').catch(() => '');
  if (current !== wanted) {
    const temp = `${sudoers}.${process.pid}.tmp`; // sudo skips names containing '.'
    await fs.writeFile(temp, wanted, { mode: 0o440 });
    await fs.rename(temp, sudoers);
  }
}

/** useradd leaves '!' in /etc/shadow, which sshd (UsePAM no) treats as a locked account. */
async function accountLocked(): Promise<boolean> {
  const shadow = await fs.readFile('/etc/shadow', 'utf8').catch(() => '');
  const line = shadow.split('\n').find((l) => l.startsWith(`${SSHD_TEST_USER}:`));
  if (!line) return true;
  return (line.split(':')[1] ?? '').startsWith('!');
}

/**
 * Kill every process below `rootPid`: first the per-connection sshd processes
 * (so clients see the TCP connection drop, as when a server dies), then what
 * is left (shells, commands; an interactive bash ignores SIGTERM, hence SIGKILL).
 */
async function killDescendants(rootPid: number): Promise<void> {
  const victims = await descendantsOf(rootPid);
  const sshdFirst = [...victims.filter((v) => v.comm === 'sshd'), ...victims.filter((v) => v.comm !== 'sshd')];
  for (const { pid } of sshdFirst) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && victims.some((v) => isAlive(v.pid))) await new Promise((r) => setTimeout(r, 25));
}

/** Running, not a zombie (without an init that reaps, killed orphans linger as 'Z'). */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function descendantsOf(rootPid: number): Promise<{ pid: number; comm: string }[]> {
  const parents = new Map<number, { ppid: number; comm: string }>();
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // "pid (comm) state ppid …": comm may contain spaces, so split after the last ')'.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isInteger(ppid)) parents.set(Number(entry), { ppid, comm });
  }
  const found: { pid: number; comm: string }[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [pid, info] of parents) {
      if (info.ppid === parent && !found.some((f) => f.pid === pid)) {
        found.push({ pid, comm: info.comm });
        queue.push(pid);
      }
    }
  }
  return found; // parents before children
}
