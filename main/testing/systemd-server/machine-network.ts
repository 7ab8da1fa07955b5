/**
 * One network per machine: a network namespace and a veth pair on a /30 of
 * 169.254.77.0/24 (slot n: host side .4n+1, machine .4n+2), so up to 64
 * machines run at once. A slot is claimed with a lock under /run holding the
 * owner's pid; a slot whose owner died is cleaned up and reused.
 *
 * Both directions work without NAT or forwarding:
 * - host → machine: connect to `machineAddress` (sshd :22, nginx :80/:443);
 *   the host has the /30 route through its end of the veth.
 * - machine → host: a service on the host listening on `hostAddress` (or on
 *   0.0.0.0, NOT 127.0.0.1) is reachable from inside at `hostAddress`, which is
 *   also the machine's default route.
 * The machine reaches nothing else (no internet): apt goes through the
 * forwarder (apt-forwarder.ts).
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { run } from '../child-process';
import { tryDirLock } from './dir-lock';

const SLOT_DIR = '/run/onramp-systemd-server';
const SLOTS = 64;

export interface MachineNetwork {
  readonly slot: number;
  /** The host's end of the veth: what the machine sees as its gateway and the host's address. */
  readonly hostAddress: string;
  readonly machineAddress: string;
  /** `/run/netns/<name>`, for systemd-nspawn --network-namespace-path. */
  readonly namespacePath: string;
  /** Notes systemd-nspawn's pid in the slot, so a later owner can stop a machine whose process died. */
  recordMachinePid(pid: number): Promise<void>;
  /** Deletes the namespace (and with it the veth pair) and frees the slot. Idempotent. */
  remove(): Promise<void>;
}

const names = (slot: number) => ({ ns: `onramp-sd${slot}`, hostIf: `onrsd${slot}h`, machineIf: `onrsd${slot}c` });

async function ip(...args: string[]): Promise<void> {
  const result = await run('ip', args);
  if (result.code !== 0) throw new Error(`ip ${args.join(' ')}: ${result.stderr.trim()}`);
}

/** What a crashed earlier owner may have left: the namespace and the host's veth end. */
export function removeSlotLeftovers(slot: number): void {
  const { ns, hostIf } = names(slot);
  for (const args of [['netns', 'del', ns], ['link', 'del', hostIf]]) {
    try {
      execFileSync('ip', args, { stdio: 'ignore' });
    } catch {
      // not there
    }
  }
}

/** A slot whose owner died may still have its machine running: shut it down first. */
async function stopStaleMachine(lock: string): Promise<void> {
  const pid = Number.parseInt(await fs.readFile(`${lock}/nspawn.pid`, 'utf8').catch(() => ''), 10);
  if (!(Number.isInteger(pid) && pid > 0)) return;
  const comm = await fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
  if (comm.trim() !== 'systemd-nspawn') return;
  await run('sh', ['-c', 'kill -TERM "$1"; for i in $(seq 100); do kill -0 "$1" 2>/dev/null || exit 0; sleep 0.1; done; kill -KILL "$1"', 'stop', String(pid)]);
}

export async function createMachineNetwork(): Promise<MachineNetwork> {
  await fs.mkdir(SLOT_DIR, { recursive: true });
  for (let slot = 0; slot < SLOTS; slot += 1) {
    const lock = `${SLOT_DIR}/slot-${slot}`;
    const unlock = await tryDirLock(lock, stopStaleMachine);
    if (!unlock) continue;
    removeSlotLeftovers(slot);
    const { ns, hostIf, machineIf } = names(slot);
    const hostAddress = `169.254.77.${4 * slot + 1}`;
    const machineAddress = `169.254.77.${4 * slot + 2}`;
    let removed = false;
    const remove = async () => {
      if (removed) return;
      removed = true;
      removeSlotLeftovers(slot);
      await unlock();
    };
    try {
      await ip('netns', 'add', ns);
      await ip('link', 'add', hostIf, 'type', 'veth', 'peer', 'name', machineIf);
      await ip('link', 'set', machineIf, 'netns', ns);
      await ip('addr', 'add', `${hostAddress}/30`, 'dev', hostIf);
      await ip('link', 'set', hostIf, 'up');
      await ip('-n', ns, 'addr', 'add', `${machineAddress}/30`, 'dev', machineIf);
      await ip('-n', ns, 'link', 'set', machineIf, 'up');
      await ip('-n', ns, 'link', 'set', 'lo', 'up');
      await ip('-n', ns, 'route', 'add', 'default', 'via', hostAddress);
    } catch (error) {
      await remove();
      throw error;
    }
    const recordMachinePid = (pid: number) => fs.writeFile(`${lock}/nspawn.pid`, String(pid));
    return { slot, hostAddress, machineAddress, namespacePath: `/run/netns/${ns}`, recordMachinePid, remove };
  }
  throw new Error(`all ${SLOTS} systemd-server network slots are in use (${SLOT_DIR})`);
}
