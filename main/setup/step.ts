/**
 * What a step of the guided setup is, for the engine (main/setup/engine.ts).
 *
 * A step is done when its `check()` passes: check reads reality (AWS resources
 * by the `onramp:setup=<setupId>` tag, or a command on the server) and never
 * trusts a flag that a handler or a button set. Its long work are operations
 * (main/setup/operation.ts): each one is idempotent, so running it again after a
 * crash continues from what exists instead of making anything twice.
 */
import { AppError } from '../../common/errors';
import type { MessageRef } from '../../common/contract/schemas/operations';
import type { SetupPath, SetupState, StepId } from '../../common/contract/schemas/setup';

export interface CheckContext {
  /** The persisted setup (choices, resource ids, the setup id used in tags). */
  setup: SetupState;
  /** Aborted when the app quits, the check takes too long, or a newer check of the same step starts. */
  signal: AbortSignal;
}

export interface CheckResult {
  done: boolean;
  /** Why not done (or what was found), translated by the renderer. */
  detail?: MessageRef;
}

export interface StepDefinition {
  id: StepId;
  /** Reads reality. Throws an AppError when reality can't be read (no credentials, no network). Keep it cheap. */
  check(context: CheckContext): Promise<CheckResult>;
  /**
   * Optional: the part of the setup this check depends on (e.g. the chosen
   * credentials). When its JSON changes, the engine checks the step again.
   */
  watch?(setup: SetupState): unknown;
  /**
   * Optional: changes outside setup.json this check depends on. When one is
   * signalled (`StepStatuses.signal`), the engine checks the step again.
   */
  recheckOn?: readonly StepSignal[];
  /**
   * Optional: whether this step is part of a path (default: every path). On a
   * path it is not part of, the step is `skipped` with the reason given here,
   * is never checked, and its operations are refused.
   */
  appliesTo?(path: SetupPath): Applicability;
}

export type Applicability = { applies: true } | { applies: false; reason: MessageRef };

/** For the AWS-only steps: skipped on the own-server path, with `reason` (a translation key and its values). */
export function awsOnly(reason: MessageRef): (path: SetupPath) => Applicability {
  return (path) => (path === 'aws' ? { applies: true } : { applies: false, reason });
}

/** A change outside setup.json that a check may read: a host key newly pinned in known_hosts. */
export type StepSignal = 'hostKeyPinned';

/**
 * What a check was reading changed under it (for example the AWS connection
 * was replaced while the check used its clients): the engine checks again at
 * once instead of showing a failure that is only a race.
 */
export class CheckInputsChanged extends AppError {
  constructor(message: string) {
    super('setup.checkInputsChanged', message);
    this.name = 'CheckInputsChanged';
  }
}
