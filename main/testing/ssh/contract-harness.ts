/**
 * The whole composition (createServices) with an in-memory keychain and the
 * host platform, driven through the contract's dispatch like a renderer:
 * records every event, acks `ssh.data` after "writing" it, and answers host
 * key prompts as told.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../composition';
import type { EventName, InvokeChannel } from '../../../common/contract/channels';
import type { OperationKind, OpInputRequestOf } from '../../../common/contract/operations';
import type { Result } from '../../../common/contract/result';
import type { PayloadOf, RequestOf, ResponseOf } from '../../../common/contract/types';
import { createHostPlatform, type HostPlatform } from '../../host/host-platform';
import { InMemoryKeychain } from '../../vault/memory-keychain';
import { waitUntil } from '../wait-until';

export interface RecordedEvent {
  event: EventName;
  payload: unknown;
}

export class ContractHarness {
  readonly events: RecordedEvent[] = [];
  readonly output = new Map<string, string>();
  /** How to answer host key prompts; undefined leaves them open. */
  answerPrompts: boolean | undefined = true;
  ackOutput = true;

  private constructor(
    readonly services: Services,
    readonly platform: HostPlatform,
    readonly dataDir: string,
  ) {
    services.events.subscribe((event, payload) => this.onEvent(event, payload));
  }

  static async start(): Promise<ContractHarness> {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'onramp-ssh-contract-'));
    const platform = createHostPlatform('test');
    const services = createServices({ dataDir, keychain: new InMemoryKeychain(), options: { platform, log: () => undefined } });
    return new ContractHarness(services, platform, dataDir);
  }

  /** Dispatch and return the raw Result. */
  call<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
    return this.services.dispatch(channel, request) as Promise<Result<ResponseOf<C>>>;
  }

  /** Dispatch and unwrap, failing with the error code. */
  async invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await this.call(channel, request);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  payloads<E extends EventName>(event: E): PayloadOf<E>[] {
    return this.events.filter((e) => e.event === event).map((e) => e.payload as PayloadOf<E>);
  }

  textOf(sessionId: string): string {
    return this.output.get(sessionId) ?? '';
  }

  waitFor(condition: () => boolean, what: string, timeoutMs?: number): Promise<void> {
    return waitUntil(condition, what, timeoutMs);
  }

  /** Starts an operation through `op.start`, as a page does, and waits for its `op.finished`. */
  async runOperation<K extends OperationKind>(kind: K, input: OpInputRequestOf<K>, timeoutMs = 60_000): Promise<PayloadOf<'op.finished'>> {
    const started = await this.call('op.start', { kind, input });
    if (!started.ok) throw new Error(`op.start ${kind} refused: ${started.error.code} ${started.error.message}`);
    const { opId } = started.value;
    await this.waitFor(() => this.payloads('op.finished').some((f) => f.opId === opId), `${kind} to finish`, timeoutMs);
    const finished = this.payloads('op.finished').find((f) => f.opId === opId);
    if (!finished) throw new Error('unreachable');
    return finished;
  }

  waitForOutput(sessionId: string, pattern: RegExp): Promise<void> {
    return this.waitFor(() => pattern.test(this.textOf(sessionId)), `output matching ${pattern}`);
  }

  /** Unlock a keychain vault and import a private key file's text; returns the vault item id. */
  async importKey(name: string, privateKey: string): Promise<string> {
    const status = await this.invoke('vault.status', {});
    if (status.mode === 'uninitialized') await this.invoke('vault.initKeychain', {});
    const imported = await this.invoke('vault.import', { source: { kind: 'file', token: this.services.files.grant({ kind: 'bytes', name, bytes: Buffer.from(privateKey) }) } });
    if (imported.status !== 'imported' || !imported.items[0]) throw new Error(`import of ${name} did not import`);
    return imported.items[0].id;
  }

  async dispose(): Promise<void> {
    await this.services.dispose();
    // Retried: a write the services had in flight (setup journal, vault) can land while the directory is being removed.
    await fs.rm(this.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }

  private onEvent(event: EventName, payload: unknown): void {
    this.events.push({ event, payload });
    if (event === 'ssh.data') {
      const { sessionId, data } = payload as PayloadOf<'ssh.data'>;
      this.output.set(sessionId, this.textOf(sessionId) + data);
      if (this.ackOutput) void this.services.dispatch('ssh.ack', { sessionId, count: data.length });
    } else if (event === 'ssh.hostKeyPrompt' && this.answerPrompts !== undefined) {
      const { promptId } = payload as PayloadOf<'ssh.hostKeyPrompt'>;
      void this.services.dispatch('ssh.answerHostKey', { promptId, accept: this.answerPrompts });
    }
  }
}
