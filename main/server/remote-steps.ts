/**
 * Remote steps as data: what to check first (skip when it already holds),
 * what to type into the terminal, and which error explains a failure.
 */
import type { BareExitCodeError, RemoteShell } from './remote';
import { holds, throwIfCancelled, visibleOrFail } from './remote';

export interface RemoteStep {
  id: string;
  /** i18n key of the progress phase (`server:phases.<id>`). */
  phase: string;
  /** Exec'd first; exit 0 means the step's result already exists and it is skipped. */
  skipIf?: string;
  /** Typed into the visible terminal. */
  command: string;
  /** AppError code when the command exits non-zero. */
  failure: BareExitCodeError;
  timeoutMs?: number;
}

export interface StepRunContext {
  signal: AbortSignal;
  progress(update: { phase: string; fraction?: number | null }): void;
}

/** Runs the steps in order; returns the ids of those that ran (were not skipped). */
export async function runRemoteSteps(remote: RemoteShell, steps: RemoteStep[], context: StepRunContext): Promise<string[]> {
  const ran: string[] = [];
  for (const step of steps) {
    throwIfCancelled(context.signal);
    context.progress({ phase: step.phase, fraction: null });
    if (step.skipIf && (await holds(remote, step.skipIf))) continue;
    throwIfCancelled(context.signal);
    await visibleOrFail(remote, step.command, step.failure, {}, step.timeoutMs);
    ran.push(step.id);
  }
  return ran;
}
