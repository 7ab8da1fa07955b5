/**
 * The vault and AWS handlers behind the real router (strict request parsing,
 * response parsing that strips unknown fields), with a temp data dir, an
 * in-memory keychain by default and the test host's platform (dialog queues,
 * memory clipboard). Every response and event is recorded as JSON so tests can
 * check that no secret ever reaches the renderer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AwsConnection } from '../../aws/aws-connection';
import { awsHandlers } from '../../aws/aws-handlers';
import type { InvokeChannel } from '../../../common/contract/channels';
import type { Result } from '../../../common/contract/result';
import type { Handlers, RequestOf, ResponseOf } from '../../../common/contract/types';
import { createHostPlatform, type HostPlatform } from '../../host/host-platform';
import { EventBus } from '../../ipc/event-bus';
import { createRouter } from '../../ipc/router';
import { SetupStateStore } from '../../setup/state-store';
import { ClipboardGuard } from '../../vault/clipboard-guard';
import type { Keychain } from '../../vault/keychain';
import { InMemoryKeychain } from '../../vault/memory-keychain';
import { VaultContext } from '../../vault/vault-context';
import { vaultHandlers } from '../../vault/vault-handlers';
import { VaultService } from '../../vault/vault-service';
import { UserFileGrants } from '../../files/user-file-grants';

export type VaultAwsChannel = Extract<InvokeChannel, `vault.${string}` | `aws.${string}`>;

export interface Harness {
  dataDir: string;
  platform: HostPlatform;
  vault: VaultService;
  setup: SetupStateStore;
  /** Every response and event payload sent towards the renderer, as JSON. */
  outgoing: string[];
  events: { event: string; payload: unknown }[];
  /** A file "the user chose" (as the dialog or a drop would give it), as a vault.import source with a one-time token. */
  fileSource(filePath: string): { kind: 'file'; token: string };
  /** A file picked in the test host's page: its bytes, as the host's upload would grant them. */
  bytesSource(name: string, bytes: Buffer): { kind: 'file'; token: string };
  call<C extends VaultAwsChannel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Calls and expects success. */
  ok<C extends VaultAwsChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  close(): Promise<void>;
}

export async function createHarness(options: { keychain?: Keychain; dataDir?: string; clipboardClearMs?: number; itemLanguage?: 'ko' | 'en' } = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'onramp-handlers-')));
  const platform = createHostPlatform('test');
  const bus = new EventBus();
  const outgoing: string[] = [];
  const events: Harness['events'] = [];
  bus.subscribe((event, payload) => {
    events.push({ event, payload });
    outgoing.push(JSON.stringify(payload));
  });
  const setup = new SetupStateStore(dataDir, (state) => bus.emit('setup.changed', state));
  const vault = new VaultService({ dataDir, keychain: options.keychain ?? new InMemoryKeychain() });
  const clipboard = new ClipboardGuard(platform, options.clipboardClearMs);
  const files = new UserFileGrants();
  const itemLanguage = options.itemLanguage;
  const context = new VaultContext({ vault, platform, events: bus, clipboard, files, ...(itemLanguage ? { itemLanguage: () => itemLanguage } : {}) });
  const connection = new AwsConnection({ getAccessKey: (itemId) => context.secrets.secretOf(itemId, 'aws-access-key') }, 'test');
  const handlers: Partial<Handlers> = { ...vaultHandlers(context), ...awsHandlers({ connection, setup, secrets: context.secrets }) };
  const dispatch = createRouter(handlers as Handlers);

  const call = async <C extends VaultAwsChannel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> => {
    const text = JSON.stringify(await dispatch(channel, request));
    outgoing.push(text);
    return JSON.parse(text) as Result<ResponseOf<C>>; // as the renderer receives it over the wire
  };
  const ok = async <C extends VaultAwsChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await call(channel, request);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return {
    dataDir,
    platform,
    vault,
    setup,
    outgoing,
    events,
    fileSource: (filePath) => ({ kind: 'file', token: files.grant({ kind: 'path', path: filePath }) }),
    bytesSource: (name, bytes) => ({ kind: 'file', token: files.grant({ kind: 'bytes', name, bytes }) }),
    call,
    ok,
    async close() {
      context.dispose();
      connection.dispose();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The code of a failed call (fails the test if it succeeded). */
export function errorOf<T>(result: Result<T>): { code: string; params?: Record<string, string | number> } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}
