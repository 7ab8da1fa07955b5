/**
 * Remembers in setup.json which operations are running, so that after a crash
 * (or a quit mid-way) the step can say "interrupted: run it again to continue".
 * A record left over when the app starts is exactly that, with the phase it
 * had reached; it is dropped when an operation of the same kind starts again or
 * when the checks of every step its work completes (`finishedWhen`, default its
 * own step) pass.
 */
import type { RunningOperationRecord, StepId } from '../../common/contract/schemas/setup';
import type { SetupStateStore } from './state-store';

export class OperationJournal {
  /** Records found at startup: kind → the interrupted operation. */
  private readonly leftovers = new Map<string, RunningOperationRecord>();
  /** The setup whose file the leftovers were read from (another after a switch: main/setup/setup-list.ts). */
  private loadedFor: string | undefined;

  constructor(private readonly setup: SetupStateStore) {}

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
    for (const record of state.operations ?? []) this.leftovers.set(record.kind, record);
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

  async started(record: RunningOperationRecord): Promise<void> {
    this.leftovers.delete(record.kind);
    await this.setup.update((state) => ({
      ...state,
      operations: [...(state.operations ?? []).filter((r) => r.kind !== record.kind), record],
    }));
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
