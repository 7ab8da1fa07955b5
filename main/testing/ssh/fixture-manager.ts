/**
 * An SshSessionManager wired to a real sshd fixture: keys served from memory
 * by id ('rsaPem', 'ed25519', or any extra ones given), a temp data dir for
 * known_hosts, and an EventRecorder that acks output like a renderer.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startSshd, type SshdFixture } from '../sshd-fixture';
import { KnownHosts } from '../../ssh/known-hosts';
import { SshSessionManager, type SshSessionManagerOptions } from '../../ssh/ssh-session-manager';
import type { SshTargetInput } from '../../ssh/ssh-target';
import { EventRecorder } from './event-recorder';

export interface FixtureManager {
  readonly manager: SshSessionManager;
  readonly events: EventRecorder;
  readonly knownHosts: KnownHosts;
  /** Key ids requested from the "vault", in order. */
  readonly keyRequests: string[];
  target(keyId?: string, overrides?: Partial<SshTargetInput>): SshTargetInput;
  /** Pin the fixture's current ed25519 host key, as if verified earlier. */
  trustFixture(): Promise<void>;
  dispose(): Promise<void>;
}

export async function fixtureManager(
  fixture: SshdFixture,
  options: Partial<Omit<SshSessionManagerOptions, 'events' | 'knownHosts' | 'getPrivateKey'>> & { extraKeys?: Record<string, string> } = {},
): Promise<FixtureManager> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-ssh-data-'));
  const knownHosts = KnownHosts.inDataDir(dataDir);
  const events = new EventRecorder();
  const keyRequests: string[] = [];
  const keys: Record<string, string> = {
    rsaPem: fixture.keys.rsaPem.privateKey,
    ed25519: fixture.keys.ed25519.privateKey,
    ...options.extraKeys,
  };
  const manager = new SshSessionManager({
    ...options,
    events,
    knownHosts,
    getPrivateKey: async (keyId) => {
      keyRequests.push(keyId);
      const key = keys[keyId];
      if (key === undefined) throw new Error(`no key ${keyId}`);
      return key;
    },
  });
  events.onData = (sessionId, text) => manager.ack(sessionId, text.length);
  return {
    manager,
    events,
    knownHosts,
    keyRequests,
    target: (keyId = 'ed25519', overrides = {}) => ({ host: fixture.host, port: fixture.port, user: fixture.user, keyId, ...overrides }),
    async trustFixture() {
      const [type = '', base64 = ''] = fixture.hostKeys.ed25519.publicLine.split(' ');
      await fs.appendFile(knownHosts.filePath, `[${fixture.host}]:${fixture.port} ${type} ${base64}\n`);
    },
    async dispose() {
      manager.dispose();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For a describe block: a real sshd and a manager that already trusts its host
 * key, started before the block's tests and stopped after them. Read
 * `env.sshd` / `env.ctx` inside tests (they are set in beforeAll).
 */
export function trustedSshdPerSuite(): { readonly sshd: SshdFixture; readonly ctx: FixtureManager } {
  const env = {} as { sshd: SshdFixture; ctx: FixtureManager };
  beforeAll(async () => {
    env.sshd = await startSshd();
    env.ctx = await fixtureManager(env.sshd);
    await env.ctx.trustFixture();
  });
  afterAll(async () => {
    await env.ctx?.dispose();
    await env.sshd?.stop();
  });
  return env;
}
