/**
 * The operation engine: runs every long job (an *operation*) the same way.
 *
 * - `start(kind, input)` parses the input with the kind's schema, records the
 *   operation in setup.json (./operation-journal.ts), emits `op.progress`
 *   (seq 0) and runs it in the background. One operation per kind runs at a
 *   time: starting a kind that is already running returns the running opId;
 *   one running in another process (the journal checks under setup.json's
 *   lock) is refused with `op.runningElsewhere`.
 * - Progress events carry a per-operation `seq` that grows by one; the final
 *   `op.finished` has the next seq and a typed outcome: the result parsed with
 *   the kind's result schema, an error (AppError keeps its code; anything else
 *   is `contract.internal`, without its message), or cancelled.
 * - `cancel(opId)` aborts the operation's signal.
 * - When an operation ends, the engine re-runs the check() of its step and of
 *   every step it declares it affects (`affects.steps`).
 * - `list()` is the snapshot for a page that subscribes late: the running
 *   operations, the last finished one of each kind, and any interrupted by a
 *   restart. It is bounded by the number of kinds.
 */
import { randomUUID } from 'node:crypto';
import type { OperationSpecs } from '../../common/contract/operations';
import { opProgress, type MessageRef, type OpFinished, type OpOutcome, type OpProgress, type OpSnapshot } from '../../common/contract/schemas/operations';
import type { StepId } from '../../common/contract/schemas/setup';
import { AppError, isAppError, contractError } from '../../common/errors';
import type { EventBus } from '../ipc/event-bus';
import { toContractError } from './contract-error';
import type { OperationEffects, RunnableOperation, ProgressUpdate } from './operation';
import type { OperationJournal } from './operation-journal';

export interface OperationEngineOptions {
  registry: OperationSpecs;
  operations: readonly RunnableOperation[];
  journal: OperationJournal;
  events: Pick<EventBus, 'emit'>;
  /** Re-checks a step after an operation that changes it ended. */
  recheck(step: StepId): Promise<unknown>;
  /** Told when an operation has ended (before its steps are checked again), with what it declared it changes. */
  onFinished?(finished: OpFinished, affects: OperationEffects): void;
  /** Whether a step is part of the setup's path; an operation of a step that is not is refused. Default: every step is. */
  applies?(step: StepId): Promise<boolean>;
  log(message: string, error?: unknown): void;
}

interface ActiveOperation {
  readonly opId: string;
  readonly kind: string;
  readonly step: StepId | undefined;
  readonly affects: OperationEffects;
  readonly startedAt: number;
  readonly controller: AbortController;
  progress: OpProgress;
  ended: boolean;
  /** Resolves when the operation has finished and its step was re-checked. */
  settled: Promise<OpFinished | undefined>;
}

export const STARTING_PHASE = 'op:phases.starting';
export const INTERRUPTED_PHASE = 'op:phases.interrupted';

export class OperationEngine {
  private readonly definitions = new Map<string, RunnableOperation>();
  private readonly running = new Map<string, ActiveOperation>();
  private readonly byId = new Map<string, ActiveOperation>();
  private readonly lastFinished = new Map<string, OpSnapshot>();
  private disposed = false;

  constructor(private readonly options: OperationEngineOptions) {
    for (const operation of options.operations) {
      if (!Object.prototype.hasOwnProperty.call(options.registry, operation.kind)) {
        throw new Error(`Operation ${operation.kind} is not in the registry (common/contract/operations.ts)`);
      }
      if (this.definitions.has(operation.kind)) throw new Error(`Operation ${operation.kind} is defined twice`);
      this.definitions.set(operation.kind, operation);
    }
  }

  /** Starts an operation, or returns the running one of the same kind. */
  async start(kind: string, input: unknown): Promise<{ opId: string }> {
    if (this.disposed) throw new AppError('op.shuttingDown', 'Onramp is shutting down.');
    const definition = this.definitions.get(kind);
    const spec = Object.prototype.hasOwnProperty.call(this.options.registry, kind) ? this.options.registry[kind] : undefined;
    if (!definition || !spec) throw new AppError('op.unknownKind', `No operation ${kind}.`, { kind: kind.slice(0, 96) });
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
      throw new AppError('op.invalidInput', `Invalid input for ${kind}.`, { kind, fields });
    }
    await this.options.journal.load();
    if (definition.step && this.options.applies && !(await this.options.applies(definition.step))) {
      throw new AppError('setup.stepNotApplicable', `Step ${definition.step} is not part of the chosen path.`, { step: definition.step });
    }
    const existing = this.running.get(kind);
    if (existing) return { opId: existing.opId };

    const active = this.activate(definition);
    try {
      const finishedWhen = active.affects.finishedWhen;
      await this.options.journal.started({
        opId: active.opId,
        kind,
        ...(active.step ? { step: active.step } : {}),
        startedAt: active.startedAt,
        ...(finishedWhen?.length ? { finishedWhen: [...finishedWhen] } : {}),
      });
    } catch (error) {
      this.running.delete(kind);
      this.byId.delete(active.opId);
      throw error;
    }
    this.options.events.emit('op.progress', active.progress);
    active.settled = this.execute(active, definition, parsed.data, spec.result);
    return { opId: active.opId };
  }

  /** Another setup is active: the last finished operations were the previous setup's, not this one's. */
  forgetFinished(): void {
    this.lastFinished.clear();
  }

  /** True while any operation runs in this process. */
  isBusy(): boolean {
    return this.running.size > 0;
  }

  /** Asks a running operation to stop. False when it is not running (finished or unknown). */
  cancel(opId: string): { cancelled: boolean } {
    const active = this.byId.get(opId);
    if (!active || active.ended) return { cancelled: false };
    active.controller.abort(new AppError('op.cancelled', 'Cancelled.'));
    return { cancelled: true };
  }

  /** Running operations, the last finished one per kind, and those a restart interrupted. */
  async list(): Promise<OpSnapshot[]> {
    await this.options.journal.load();
    const snapshots: OpSnapshot[] = [...this.running.values()].map((active) => ({ progress: active.progress }));
    snapshots.push(...this.lastFinished.values());
    for (const record of this.options.journal.interrupted()) {
      if (this.running.has(record.kind) || this.lastFinished.has(record.kind)) continue;
      const base = { opId: record.opId, kind: record.kind, ...(record.step ? { step: record.step } : {}), startedAt: record.startedAt };
      snapshots.push({
        progress: { ...base, seq: 0, phase: INTERRUPTED_PHASE, fraction: null },
        finished: {
          ...base,
          seq: 1,
          finishedAt: record.startedAt,
          outcome: { status: 'failed', error: contractError('op.interrupted', 'Onramp stopped while this was running.') },
        },
      });
    }
    return snapshots;
  }

  /** Resolves when that operation has ended and its step was re-checked (undefined if unknown). */
  async whenSettled(opId: string): Promise<OpFinished | undefined> {
    return this.byId.get(opId)?.settled;
  }

  /** Aborts everything still running. Their journal records stay: next start shows them as interrupted. */
  dispose(): void {
    this.disposed = true;
    for (const active of this.running.values()) active.controller.abort(new AppError('op.shuttingDown', 'Onramp is shutting down.'));
  }

  private activate(definition: RunnableOperation): ActiveOperation {
    const opId = randomUUID();
    const startedAt = Date.now();
    const step = definition.step;
    const active: ActiveOperation = {
      opId,
      kind: definition.kind,
      step,
      affects: definition.affects ?? {},
      startedAt,
      controller: new AbortController(),
      progress: { opId, kind: definition.kind, ...(step ? { step } : {}), seq: 0, phase: STARTING_PHASE, fraction: null, startedAt },
      ended: false,
      settled: Promise.resolve(undefined),
    };
    this.running.set(definition.kind, active);
    this.byId.set(opId, active);
    return active;
  }

  private report(active: ActiveOperation, update: ProgressUpdate): void {
    if (active.ended || this.disposed) return;
    const next: OpProgress = {
      ...active.progress,
      seq: active.progress.seq + 1,
      phase: update.phase.slice(0, 160),
      fraction: normalFraction(update.fraction),
    };
    delete next.message;
    const message = validMessage(update.message);
    if (message) next.message = message;
    const phaseChanged = next.phase !== active.progress.phase;
    active.progress = next;
    this.options.events.emit('op.progress', next);
    // Where it got to, kept in the journal: an interrupted run can say which phase did not finish.
    if (phaseChanged) void this.options.journal.reached(active.opId, next.phase).catch((error: unknown) => this.options.log('could not update setup.json', error));
  }

  private async execute(active: ActiveOperation, definition: RunnableOperation, input: unknown, resultSchema: OperationSpecs[string]['result']): Promise<OpFinished | undefined> {
    let outcome: OpOutcome;
    try {
      const value = await definition.run(input, { signal: active.controller.signal, progress: (update) => this.report(active, update) });
      const parsed = resultSchema.safeParse(value);
      if (parsed.success) outcome = { status: 'succeeded', result: parsed.data };
      else {
        this.options.log(`operation ${active.kind} returned a result its schema refuses`);
        outcome = { status: 'failed', error: toContractError(undefined, `op.${active.kind}`) };
      }
    } catch (error) {
      if (active.controller.signal.aborted) outcome = { status: 'cancelled' };
      else {
        if (!isAppError(error)) this.options.log(`operation ${active.kind} failed`, error);
        else if (error.cause !== undefined) this.options.log(`operation ${active.kind} failed: ${error.code}`, error.cause);
        outcome = { status: 'failed', error: toContractError(error, `op.${active.kind}`) };
      }
    }
    return this.finish(active, outcome);
  }

  private async finish(active: ActiveOperation, outcome: OpOutcome): Promise<OpFinished | undefined> {
    active.ended = true;
    this.running.delete(active.kind);
    if (this.disposed) return undefined;
    const finished: OpFinished = {
      opId: active.opId,
      kind: active.kind,
      ...(active.step ? { step: active.step } : {}),
      seq: active.progress.seq + 1,
      startedAt: active.startedAt,
      finishedAt: Date.now(),
      outcome,
    };
    this.lastFinished.set(active.kind, { progress: active.progress, finished });
    for (const [id, other] of this.byId) if (other.kind === active.kind && id !== active.opId) this.byId.delete(id);
    this.options.events.emit('op.finished', finished);
    await this.options.journal.ended(active.opId).catch((error: unknown) => this.options.log('could not update setup.json', error));
    this.options.onFinished?.(finished, active.affects);
    // Its own step and every step it declared it changes are checked again, now that it has finished.
    const steps = [...new Set([...(active.step ? [active.step] : []), ...(active.affects.steps ?? [])])];
    await Promise.all(steps.map((step) => this.options.recheck(step).catch((error: unknown) => this.options.log(`re-check of ${step} failed`, error))));
    return finished;
  }
}

function normalFraction(fraction: number | null | undefined): number | null {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return null;
  return Math.min(1, Math.max(0, fraction));
}

function validMessage(message: MessageRef | undefined): MessageRef | undefined {
  if (!message) return undefined;
  return opProgress.shape.message.safeParse(message).success ? message : undefined;
}
