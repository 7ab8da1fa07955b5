/**
 * The app's own SSH layer (SshSessionManager, KnownHosts) aimed at an Ubuntu
 * machine, the way the server steps reach a bring-your-own server: its host
 * key already pinned in known_hosts, the key served from memory as the vault
 * would, and a visible PTY terminal whose text the test can read.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sshRemote, type RemoteShell } from '../../server/remote';
import { KnownHosts } from '../../ssh/known-hosts';
import { SshSessionManager } from '../../ssh/ssh-session-manager';
import type { SshTargetInput } from '../../ssh/ssh-target';
import { EventRecorder } from '../ssh/event-recorder';
import type { UbuntuMachine } from './ubuntu-machine';

export const MACHINE_KEY_ID = 'ubuntu-machine';

export interface ProductSsh {
  readonly manager: SshSessionManager;
  readonly knownHosts: KnownHosts;
  readonly target: SshTargetInput;
  /** The visible terminal's session id (an operation's `sessionId`). */
  readonly sessionId: string;
  /** Commands typed into the visible terminal, checks over exec, files over SFTP. */
  readonly remote: RemoteShell;
  terminalText(): string;
  dispose(): Promise<void>;
}

export async function productSsh(machine: UbuntuMachine): Promise<ProductSsh> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-ubuntu-ssh-'));
  const knownHosts = KnownHosts.inDataDir(dataDir);
  await fs.writeFile(knownHosts.filePath, `${machine.knownHostsLine}\n`);
  const events = new EventRecorder();
  const manager = new SshSessionManager({
    events,
    knownHosts,
    getPrivateKey: async (keyId) => {
      if (keyId !== MACHINE_KEY_ID) throw new Error(`no key ${keyId}`);
      return machine.privateKey;
    },
  });
  events.onData = (sessionId, text) => manager.ack(sessionId, text.length);
  const target: SshTargetInput = { host: machine.host, port: machine.port, user: machine.user, keyId: MACHINE_KEY_ID };
  try {
    const sessionId = await manager.openShell(target, { cols: 160, rows: 40 });
    return {
      manager,
      knownHosts,
      target,
      sessionId,
      remote: sshRemote(manager, target, sessionId),
      terminalText: () => events.textOf(sessionId),
      async dispose() {
        manager.dispose();
        await fs.rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    manager.dispose();
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
