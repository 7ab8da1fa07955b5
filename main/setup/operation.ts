/**
 * How a capability declares an operation kind (see common/contract/operations.ts
 * for the registry of kinds and their schemas). The engine (./engine.ts) runs it.
 */
import type { OperationKind, OpInputOf, OpResultOf } from '../../common/contract/operations';
import type { MessageRef } from '../../common/contract/schemas/operations';
import type { StepId } from '../../common/contract/schemas/setup';

export interface ProgressUpdate {
  /** i18n key of the phase (`<namespace>:phases.<name>`). */
  phase: string;
  /** 0..1, or null when the length of the work is unknown. */
  fraction?: number | null;
  message?: MessageRef;
}

export interface OperationContext {
  /** Aborted by op.cancel or when the app quits; pass it to every AWS/SSH call. */
  signal: AbortSignal;
  progress(update: ProgressUpdate): void;
}

/** What an operation changes besides its own step: checked again (read again) when it FINISHES, never when it starts. */
export interface OperationEffects {
  /** Other steps whose check() runs again when the operation ends. */
  steps?: readonly StepId[];
  /** The AWS resources tagged for the setup: the journey model reads them again when the operation ends. */
  awsResources?: boolean;
  /**
   * The steps whose work it takes down (teardown, deleting the IAM user): once it
   * has finished, the results of earlier operations of those steps no longer
   * describe the world, and the journey model lists them as stale.
   */
  undoes?: readonly StepId[];
  /**
   * The steps whose checks, all passing, mean its work is complete (default: its
   * own step). Until then an interrupted run stays marked with the phase it
   * reached, even when its own step's check passes (a launch stopped before the
   * Elastic IP: the instance runs, the launch did not finish).
   */
  finishedWhen?: readonly StepId[];
}

export interface OperationDefinition<K extends OperationKind = OperationKind> {
  kind: K;
  /** The step whose check() the engine re-runs when this operation ends (success, failure or cancel). */
  step?: StepId;
  /** What else it changes (see OperationEffects). */
  affects?: OperationEffects;
  /**
   * Does the work. Must be idempotent: run again after a crash or a cancel, it
   * continues from what exists (found by tag or id) and never makes anything twice.
   */
  run(input: OpInputOf<K>, context: OperationContext): Promise<OpResultOf<K>>;
}

export function defineOperation<K extends OperationKind>(definition: OperationDefinition<K>): OperationDefinition<K> {
  return definition;
}

/**
 * What the engine needs of an operation, whatever its kind (an
 * OperationDefinition of any kind is one). The engine parses the input with
 * the kind's schema before `run` sees it.
 */
export interface RunnableOperation {
  kind: string;
  step?: StepId;
  affects?: OperationEffects;
  run(input: unknown, context: OperationContext): Promise<unknown>;
}
