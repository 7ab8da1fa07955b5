/**
 * The one contract family for long work (an *operation*): `op.start`,
 * `op.cancel`, `op.list` (a snapshot, for a page that subscribes late), and the
 * events `op.progress` and `op.finished`. Every capability's long job uses it;
 * nothing invents its own progress events.
 *
 * What each operation kind takes and returns is declared in
 * `../operations.ts` (the registry); this file holds the shapes they share.
 */
import { z } from 'zod';
import { contractErrorSchema } from '../result';
import { stepId } from './setup';

/** A translated message: an i18n key (`<namespace>:<path>`) and its values. Never a secret. */
export const messageRef = z.object({
  key: z.string().max(160),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type MessageRef = z.infer<typeof messageRef>;

export const opId = z.string().min(1).max(64);

/** Where an operation stands. `fraction` null = indeterminate. `seq` grows by one per event of that operation. */
export const opProgress = z.object({
  opId,
  kind: z.string().max(96),
  step: stepId.optional(),
  seq: z.number().int().nonnegative(),
  /** The current phase, an i18n key (`<namespace>:phases.<name>`), shown as the component's heading. */
  phase: z.string().max(160),
  fraction: z.number().min(0).max(1).nullable(),
  message: messageRef.optional(),
  /** Epoch ms when the operation started (the renderer shows elapsed time from it). */
  startedAt: z.number(),
});
export type OpProgress = z.infer<typeof opProgress>;

export const opOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('succeeded'), result: z.unknown() }),
  z.object({ status: z.literal('failed'), error: contractErrorSchema }),
  z.object({ status: z.literal('cancelled') }),
]);
export type OpOutcome = z.infer<typeof opOutcome>;

export const opFinished = z.object({
  opId,
  kind: z.string().max(96),
  step: stepId.optional(),
  seq: z.number().int().nonnegative(),
  startedAt: z.number(),
  finishedAt: z.number(),
  outcome: opOutcome,
});
export type OpFinished = z.infer<typeof opFinished>;

/** One operation as `op.list` reports it: its latest progress, and its end once it has one. */
export const opSnapshot = z.object({ progress: opProgress, finished: opFinished.optional() });
export type OpSnapshot = z.infer<typeof opSnapshot>;

export const opStartResponse = z.object({ opId });
export const opCancelRequest = z.object({ opId }).strict();
export const opCancelResponse = z.object({ cancelled: z.boolean() });
export const opListResponse = z.object({ operations: z.array(opSnapshot) });

/** What a step's check() found: done or not, with a translated reason, checked at a time. */
export const stepStatus = z.object({
  step: stepId,
  /**
   * unknown: never checked; checking: a check is running; error: the check itself failed;
   * skipped: the step is not part of the chosen path (`detail` says why), so it is not checked.
   */
  state: z.enum(['unknown', 'checking', 'done', 'not-done', 'error', 'skipped']),
  detail: messageRef.optional(),
  error: contractErrorSchema.optional(),
  checkedAt: z.number().optional(),
  /** Grows by one each time this step's status changes; the renderer keeps the highest. */
  revision: z.number().int().nonnegative(),
  /** An operation of this step was running when Onramp last stopped: run it again to continue. */
  interrupted: z.object({ kind: z.string().max(96), startedAt: z.number(), phase: z.string().max(160).optional() }).optional(),
});
export type StepStatus = z.infer<typeof stepStatus>;
export const stepsStatusResponse = z.object({ steps: z.array(stepStatus) });
export const reconcileRequest = z.object({ step: stepId.optional() }).strict();

