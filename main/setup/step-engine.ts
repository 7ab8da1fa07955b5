/**
 * The step engine as the composition root sees it: operations (./engine.ts),
 * step statuses (./step-statuses.ts) and the journal in setup.json that ties
 * them together, plus the `op.*` handlers. Capabilities contribute their
 * StepDefinitions and OperationDefinitions; nothing else is needed for a step
 * to get progress, cancel, resume and reconcile.
 */
import { operations as productOperations, type OperationSpecs } from '../../common/contract/operations';
import type { SetupState } from '../../common/contract/schemas/setup';
import type { HandlersFor } from '../../common/contract/types';
import type { EventBus } from '../ipc/event-bus';
import { OperationEngine } from './engine';
import type { OperationEffects, RunnableOperation } from './operation';
import type { OpFinished } from '../../common/contract/schemas/operations';
import { OperationJournal } from './operation-journal';
import type { SetupStateStore } from './state-store';
import type { StepDefinition } from './step';
import { StepStatuses } from './step-statuses';

export interface StepEngineOptions {
  setup: SetupStateStore;
  events: Pick<EventBus, 'emit'>;
  steps: readonly StepDefinition[];
  operations: readonly RunnableOperation[];
  /** The kinds and their schemas; the product's registry unless a test brings its own. */
  registry?: OperationSpecs;
  log?: (message: string, error?: unknown) => void;
  checkTimeoutMs?: number;
}

export interface StepEngine {
  operations: OperationEngine;
  statuses: StepStatuses;
  /** Called when any operation has ended, with what it declared it changes; returns the unsubscribe. */
  onOperationFinished(listener: (finished: OpFinished, affects: OperationEffects) => void): () => void;
  /** Call with every new setup state (the store's onChange). */
  setupChanged(state: SetupState): void;
  dispose(): void;
}

export function createStepEngine(options: StepEngineOptions): StepEngine {
  const log = options.log ?? (() => undefined);
  const journal = new OperationJournal(options.setup);
  const statuses = new StepStatuses({ steps: options.steps, setup: options.setup, journal, events: options.events, log, checkTimeoutMs: options.checkTimeoutMs });
  const finishedListeners = new Set<(finished: OpFinished, affects: OperationEffects) => void>();
  const operations = new OperationEngine({
    registry: options.registry ?? productOperations,
    operations: options.operations,
    journal,
    events: options.events,
    recheck: (step) => statuses.reconcile(step),
    onFinished: (finished, affects) => {
      for (const listener of finishedListeners) listener(finished, affects);
    },
    applies: async (step) => statuses.applicability(step, await options.setup.get()).applies,
    log,
  });
  return {
    operations,
    statuses,
    onOperationFinished(listener) {
      finishedListeners.add(listener);
      return () => void finishedListeners.delete(listener);
    },
    setupChanged: (state) => statuses.setupChanged(state),
    dispose() {
      operations.dispose();
      statuses.dispose();
    },
  };
}

export function operationHandlers(engine: OperationEngine): HandlersFor<'op'> {
  return {
    'op.start': ({ kind, input }) => engine.start(kind, input),
    'op.cancel': ({ opId }) => engine.cancel(opId),
    'op.list': async () => ({ operations: await engine.list() }),
  };
}
