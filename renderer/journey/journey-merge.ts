/**
 * How the renderer's one journey store (./journey-store.ts) merges what main
 * sends, so nothing is lost or applied twice whatever the order:
 * - journey models by revision: the higher revision of the same epoch wins; a
 *   new epoch (a new main process) replaces the model whatever its number;
 * - operation events by seq, per opId (./../operations/op-views.ts), on top of
 *   the model's operations, so progress shows as soon as it is sent.
 */
import type { OpFinished, OpProgress } from '../../common/contract/schemas/operations';
import type { JourneySnapshot } from '../../common/contract/schemas/journey';
import { applyFinished, applyProgress, applySnapshot, type OpViews } from '../operations/op-views';

export interface JourneyState {
  snapshot: JourneySnapshot | undefined;
  /** Every operation seen (model snapshots and events), newest seq per opId. */
  operations: OpViews;
}

export const emptyJourneyState: JourneyState = { snapshot: undefined, operations: {} };

export function applyJourney(state: JourneyState, next: JourneySnapshot): JourneyState {
  const current = state.snapshot;
  if (current && current.epoch === next.epoch && current.revision >= next.revision) return state;
  const fresh = current !== undefined && current.epoch !== next.epoch;
  // The model lists every operation that still matters (running, last finished per kind, interrupted):
  // one it no longer lists (another setup's, after a switch) goes; events only ever add newer seqs.
  const listed = new Set(next.model.operations.map((o) => o.progress.opId));
  const kept = fresh ? {} : Object.fromEntries(Object.entries(state.operations).filter(([opId]) => listed.has(opId)));
  const operations = next.model.operations.reduce(applySnapshot, kept);
  return { snapshot: next, operations };
}

export function applyOpProgress(state: JourneyState, progress: OpProgress): JourneyState {
  const operations = applyProgress(state.operations, progress);
  return operations === state.operations ? state : { ...state, operations };
}

export function applyOpFinished(state: JourneyState, finished: OpFinished): JourneyState {
  const operations = applyFinished(state.operations, finished);
  return operations === state.operations ? state : { ...state, operations };
}
