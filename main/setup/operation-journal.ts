/**
 * Remembers in setup.json which operations are running, so that after a crash
 * (or a quit mid-way) the step can say "interrupted: run it again to continue".
 * A record left over when the app starts is exactly that, with the phase it
 * had reached; it is dropped when an operation of the same kind starts again or
 * when the checks of every step its work completes (`finishedWhen`, default its
 * own step) pass.
 *
 * The journal is also the cross-process guard (one operation per kind per
 * setup, whichever Onramp process runs it): `started` checks and records under
 * setup.json's file lock in one step (SetupStateStore.update). Each record
 * carries its owner (pid, host and a per-process instance id). A record whose
 * owner is alive refuses the kind with `op.runningElsewhere`; one whose owner
 * is gone (its pid no longer runs on this host, the pid is ours but the
 * instance is not, or it is older than OWNER_TRUST_MS) is taken over.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { RunningOperationRecord, StepId } from '../../common/contract/schemas/setup';
import { AppError } from '../../common/errors';
import { processAlive } from '../storage/file-lock';
import type { SetupStateStore } from './state-store';

export type OperationOwner = NonNullable<RunningOperationRecord['owner']>;

/** This process. The instance id tells it apart from an earlier process that had the same pid. */
export const THIS_PROCESS: OperationOwner = { pid: process.pid, host: os.hostname(), instance: randomUUID() };

/**
 * A record older than this is stale whoever owns it: it covers a reused pid and an owner on another host (whose pid
 * cannot be checked). No operation runs that long: the longest, the launch, waits at most 15 minutes for AWS.
 */
export const OWNER_TRUST_MS = 3 * 60 * 60 * 1000;

export interface OwnerProbe {
  self: OperationOwner;
  alive(pid: number): boolean;
  now(): number;
}

const realProbe: OwnerProbe = { self: THIS_PROCESS, alive: processAlive, now: () => Date.now() };

/** True when the record belongs to another process that is still running. */
export function ownedElsewhere(record: RunningOperationRecord, probe: OwnerProbe = realProbe): boolean {
  const owner = record.owner;
  if (!owner) return false; // written before owners were recorded: a leftover
  if (owner.instance === probe.self.instance) return false; // ours: the engine's own map says whether it runs
  if (probe.now() - record.startedAt > OWNER_TRUST_MS) return false;
  if (owner.host !== probe.self.host) return true;
  return owner.pid !== probe.self.pid && probe.alive(owner.pid);
}

/** Thrown inside the locked update so nothing is written; turned into the AppError below. */
class Refused extends Error {
  constructor(readonly other: RunningOperationRecord) {
    super('running elsewhere');
  }
}

export class OperationJournal {
  /** Records found at startup: kind → the interrupted operation. */
  private readonly leftovers = new Map<string, RunningOperationRecord>();
  /** The setup whose file the leftovers were read from (another after a switch: main/setup/setup-list.ts). */
  private loadedFor: string | undefined;

  constructor(
    private readonly setup: SetupStateStore,
    private readonly probe: OwnerProbe = realProbe,
  ) {}

  get owner(): OperationOwner {
    return this.probe.self;
  }

  /**
   * Reads what the last run left behind in the active setup's file, once per
   * setup (a switch is refused while work runs, so every record found then was
   * interrupted). Call (and await) before the first `started`.
   */
  async load(): Promise<void> {
    const state = await this.setup.get();
    if (state.setupId === this.loadedFor) return;
    this.loadedFor = state.setupId;
    this.leftovers.clear();
    // A record another live process owns is running there, not interrupted.
    for (const record of state.operations ?? []) if (!ownedElsewhere(record, this.probe)) this.leftovers.set(record.kind, record);
  }

  interrupted(): RunningOperationRecord[] {
    return [...this.leftovers.values()];
  }

  interruptedOf(step: StepId): RunningOperationRecord | undefined {
    return this.interrupted().find((record) => record.step === step);
  }

  /** The running operation reached a new phase (kept so an interruption can name it). */
  async reached(opId: string, phase: string): Promise<void> {
    const state = await this.setup.get();
    if (!(state.operations ?? []).some((r) => r.opId === opId)) return;
    await this.setup.update((s) => ({ ...s, operations: (s.operations ?? []).map((r) => (r.opId === opId ? { ...r, phase } : r)) }));
  }

  /**
   * Records `record` as running, unless another live process runs the same kind: then nothing is written and
   * `op.runningElsewhere` is thrown. Check and write happen under setup.json's lock, on the file as it is on disk.
   */
  async started(record: Omit<RunningOperationRecord, 'owner'>): Promise<void> {
    const owned: RunningOperationRecord = { ...record, owner: this.probe.self };
    try {
      await this.setup.update((state) => {
        const other = (state.operations ?? []).find((r) => r.kind === record.kind && ownedElsewhere(r, this.probe));
        if (other) throw new Refused(other);
        return { ...state, operations: [...(state.operations ?? []).filter((r) => r.kind !== record.kind), owned] };
      });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      throw new AppError('op.runningElsewhere', `${record.kind} is already running in another Onramp window.`, {
        kind: record.kind,
        since: new Date(error.other.startedAt).toISOString(),
      });
    }
    this.leftovers.delete(record.kind);
  }

  async ended(opId: string): Promise<void> {
    await this.remove((record) => record.opId === opId);
  }

  /**
   * A step's check passed: an interrupted run whose work that completes (every
   * step of its `finishedWhen` done) no longer matters. Returns the steps whose
   * interrupted mark went away.
   */
  async clearStep(step: StepId, isDone: (step: StepId) => boolean = (s) => s === step): Promise<StepId[]> {
    const complete = (record: RunningOperationRecord) => {
      const needed = record.finishedWhen ?? (record.step ? [record.step] : []);
      return needed.includes(step) && needed.every((s) => s === step || isDone(s));
    };
    const stale = this.interrupted().filter(complete);
    if (stale.length === 0) return [];
    for (const record of stale) this.leftovers.delete(record.kind);
    const ids = new Set(stale.map((record) => record.opId));
    await this.remove((record) => ids.has(record.opId));
    return stale.flatMap((record) => (record.step ? [record.step] : []));
  }

  private async remove(match: (record: RunningOperationRecord) => boolean): Promise<void> {
    const state = await this.setup.get();
    if (!(state.operations ?? []).some(match)) return;
    await this.setup.update((s) => ({ ...s, operations: (s.operations ?? []).filter((r) => !match(r)) }));
  }
}
