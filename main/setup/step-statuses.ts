/**
 * The status of every built step (one with a StepDefinition), rebuilt from its
 * check() — never from a flag a handler or a button set.
 *
 * - `reconcile()` checks every step (on app start, in the background);
 *   `reconcile(step)` checks one (when its page opens, or after one of its
 *   operations ended). A newer check of a step aborts the older one; each check
 *   is bounded by a timeout.
 * - Every change is emitted as `setup.stepStatus` with a growing `revision`.
 * - The result is cached in setup.json's `completed`, so the sidebar is right
 *   at the next startup before the checks have run.
 * - A step whose `watch(setup)` value changes is checked again.
 * - A step not part of the setup's path (`appliesTo`) is `skipped` with its
 *   reason and never checked; when the path changes it is checked again.
 */
import { stepIds, type SetupState, type StepId } from '../../common/contract/schemas/setup';
import type { MessageRef, StepStatus } from '../../common/contract/schemas/operations';
import { AppError } from '../../common/errors';
import type { EventBus } from '../ipc/event-bus';
import { toContractError } from './contract-error';
import type { OperationJournal } from './operation-journal';
import type { SetupStateStore } from './state-store';
import { pathOf } from './setup-path';
import { CheckInputsChanged, type Applicability, type StepDefinition, type StepSignal } from './step';

export const DEFAULT_CHECK_TIMEOUT_MS = 15_000;
/** A check whose inputs changed under it runs again, this many times in all. */
const MAX_CHECK_ATTEMPTS = 3;

export interface StepStatusesOptions {
  steps: readonly StepDefinition[];
  setup: SetupStateStore;
  journal: OperationJournal;
  events: Pick<EventBus, 'emit'>;
  log(message: string, error?: unknown): void;
  checkTimeoutMs?: number;
}

export class StepStatuses {
  private readonly definitions = new Map<StepId, StepDefinition>();
  private readonly statuses = new Map<StepId, StepStatus>();
  private readonly inFlight = new Map<StepId, AbortController>();
  private readonly watched = new Map<StepId, string>();
  private revision = 0;
  private disposed = false;

  constructor(private readonly options: StepStatusesOptions) {
    for (const step of options.steps) {
      if (this.definitions.has(step.id)) throw new Error(`Step ${step.id} is defined twice`);
      this.definitions.set(step.id, step);
      this.statuses.set(step.id, { step: step.id, state: 'unknown', revision: 0 });
    }
  }

  /** A built step is one with a check(); only those have a status. */
  isBuilt(step: StepId): boolean {
    return this.definitions.has(step);
  }

  /** Whether a step is part of the setup's path; a step without `appliesTo` (or not built) is part of every path. */
  applicability(step: StepId, setup: SetupState): Applicability {
    return this.definitions.get(step)?.appliesTo?.(pathOf(setup)) ?? { applies: true };
  }

  /** Every built step's status, in the order of the guided setup. */
  all(): StepStatus[] {
    return stepIds.flatMap((step) => {
      const status = this.statuses.get(step);
      return status ? [status] : [];
    });
  }

  /** Checks one step, or all; resolves with every status once those checks ended. */
  async reconcile(step?: StepId): Promise<StepStatus[]> {
    await this.options.journal.load();
    const targets = step ? (this.isBuilt(step) ? [step] : []) : [...this.definitions.keys()];
    await Promise.all(targets.map((target) => this.check(target)));
    return this.all();
  }

  /** Reconciles every step without making the caller wait (app start). */
  reconcileInBackground(): void {
    this.reconcile().catch((error: unknown) => this.options.log('reconcile failed', error));
  }

  /** The setup changed: re-check each step whose watched part changed. */
  setupChanged(state: SetupState): void {
    if (this.disposed) return;
    for (const [id, definition] of this.definitions) {
      // The path changed what this step is: skipped now and not before, or the other way round.
      const skipped = this.statuses.get(id)?.state === 'skipped';
      if (skipped === this.applicability(id, state).applies) {
        void this.check(id);
        continue;
      }
      if (!definition.watch) continue;
      const seen = this.watched.get(id);
      if (seen === undefined || seen === JSON.stringify(definition.watch(state) ?? null)) continue;
      void this.check(id);
    }
  }

  /** Something outside setup.json changed: re-check each step that names it in `recheckOn`. */
  signal(signal: StepSignal): void {
    if (this.disposed) return;
    for (const [id, definition] of this.definitions) if (definition.recheckOn?.includes(signal)) void this.check(id);
  }

  dispose(): void {
    this.disposed = true;
    for (const controller of this.inFlight.values()) controller.abort(new AppError('op.shuttingDown', 'Onramp is shutting down.'));
  }

  private async check(step: StepId, attempt = 1): Promise<StepStatus | undefined> {
    const definition = this.definitions.get(step);
    if (!definition || this.disposed) return undefined;
    await this.options.journal.load();
    this.inFlight.get(step)?.abort(new AppError('setup.checkSuperseded', 'A newer check started.'));
    const applicability = this.applicability(step, await this.options.setup.get());
    if (!applicability.applies) return this.skip(step, applicability.reason);
    const controller = new AbortController();
    this.inFlight.set(step, controller);
    const previous = this.statuses.get(step);
    this.set({ step, state: 'checking', revision: 0, ...(previous?.interrupted ? { interrupted: previous.interrupted } : {}) });

    const timeoutMs = this.options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
    const timer = setTimeout(
      () => controller.abort(new AppError('setup.checkTimedOut', 'The check took too long.', { seconds: Math.round(timeoutMs / 1000) })),
      timeoutMs,
    );
    let next: StepStatus;
    try {
      const setup = await this.options.setup.get();
      if (definition.watch) this.watched.set(step, JSON.stringify(definition.watch(setup) ?? null));
      const result = await untilAborted(definition.check({ setup, signal: controller.signal }), controller.signal);
      next = { step, state: result.done ? 'done' : 'not-done', ...(result.detail ? { detail: result.detail } : {}), checkedAt: Date.now(), revision: 0 };
    } catch (error) {
      const reason: unknown = controller.signal.aborted ? controller.signal.reason : error;
      if (reason instanceof CheckInputsChanged && attempt < MAX_CHECK_ATTEMPTS && this.inFlight.get(step) === controller) {
        clearTimeout(timer);
        this.inFlight.delete(step);
        return this.check(step, attempt + 1);
      }
      if (!(reason instanceof AppError)) this.options.log(`check of ${step} failed`, reason);
      next = { step, state: 'error', error: toContractError(reason, `check.${step}`), checkedAt: Date.now(), revision: 0 };
    } finally {
      clearTimeout(timer);
    }
    if (this.inFlight.get(step) !== controller || this.disposed) return this.statuses.get(step); // superseded
    this.inFlight.delete(step);
    let cleared: StepId[] = [];
    if (next.state === 'done') {
      const isDone = (s: StepId) => this.statuses.get(s)?.state === 'done';
      cleared = await this.options.journal.clearStep(step, isDone).catch((error: unknown) => {
        this.options.log('could not update setup.json', error);
        return [];
      });
    }
    const interrupted = this.options.journal.interruptedOf(step);
    if (interrupted) next.interrupted = { kind: interrupted.kind, startedAt: interrupted.startedAt, ...(interrupted.phase ? { phase: interrupted.phase } : {}) };
    this.set(next);
    // Another step's interrupted run is complete now (a launch, once its Elastic IP is attached): its mark goes.
    for (const other of cleared) {
      const status = this.statuses.get(other);
      if (other !== step && status?.interrupted) {
        const { interrupted: _gone, ...rest } = status;
        this.set(rest);
      }
    }
    if (next.state === 'done' || next.state === 'not-done') await this.cache(step, next.state === 'done');
    return next;
  }

  /** Not part of the path: skipped with its reason, without a check (nor a stale mark in `completed`). */
  private async skip(step: StepId, reason: MessageRef): Promise<StepStatus> {
    this.inFlight.delete(step);
    const previous = this.statuses.get(step);
    if (previous?.state === 'skipped' && JSON.stringify(previous.detail) === JSON.stringify(reason)) return previous;
    const skipped: StepStatus = { step, state: 'skipped', detail: reason, checkedAt: Date.now(), revision: 0 };
    this.set(skipped);
    await this.cache(step, false);
    return skipped;
  }

  private set(status: StepStatus): void {
    const next = { ...status, revision: ++this.revision };
    this.statuses.set(status.step, next);
    this.options.events.emit('setup.stepStatus', next);
  }

  private async cache(step: StepId, done: boolean): Promise<void> {
    const state = await this.options.setup.get();
    if (state.completed.includes(step) === done) return;
    await this.options.setup
      .update((s) => {
        const completed = s.completed.filter((x) => x !== step);
        return { ...s, completed: done ? [...completed, step] : completed };
      })
      .catch((error: unknown) => this.options.log('could not update setup.json', error));
  }
}

/** The check's result, or the abort reason as soon as the signal fires (a check that ignores its signal can't hang us). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new AppError('op.cancelled', 'Cancelled.'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
