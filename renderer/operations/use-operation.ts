/**
 * One operation kind as a page sees it, read from the journey store
 * (renderer/journey/journey-store.ts), which merges the model's operations and
 * the `op.progress` / `op.finished` events by seq: an operation started before
 * the page opened (or in another window) shows at once, and no event is lost
 * or applied twice.
 */
import { useCallback, useMemo, useState } from 'react';
import { operations, type OperationKind, type OpInputRequestOf, type OpResultOf } from '../../common/contract/operations';
import type { ContractError } from '../../common/contract/result';
import type { OpSnapshot } from '../../common/contract/schemas/operations';
import { api } from '../bridge/api';
import { useJourneyState } from '../journey/journey-store';
import { currentOf } from './op-views';

export interface OperationState<K extends OperationKind> {
  /** The running operation of this kind, else the last one that finished (undefined: none yet). */
  snapshot: OpSnapshot | undefined;
  running: boolean;
  start(input: OpInputRequestOf<K>): Promise<string | undefined>;
  cancel(): Promise<void>;
  /** The typed result of the last operation, when it succeeded. */
  result: OpResultOf<K> | undefined;
  /** Why op.start was refused, or why the last operation failed. */
  error: ContractError | undefined;
}

export function useOperation<K extends OperationKind>(kind: K): OperationState<K> {
  const { operations: seen, snapshot: journey } = useJourneyState();
  const [startError, setStartError] = useState<ContractError>();
  const views = useMemo(() => Object.fromEntries(Object.entries(seen).filter(([, view]) => view.progress.kind === kind)), [seen, kind]);

  // A finished operation that a later one took down (the model's staleOperations) is history: not shown.
  const latest = currentOf(views);
  const snapshot = latest && journey?.model.staleOperations.includes(latest.progress.opId) ? undefined : latest;
  const running = snapshot !== undefined && snapshot.finished === undefined;
  const runningId = running ? snapshot.progress.opId : undefined;

  const start = useCallback(
    async (input: OpInputRequestOf<K>) => {
      setStartError(undefined);
      const r = await api.invoke['op.start']({ kind, input });
      if (r.ok) return r.value.opId;
      setStartError(r.error);
      return undefined;
    },
    [kind],
  );
  const cancel = async () => {
    if (runningId) await api.invoke['op.cancel']({ opId: runningId });
  };

  const outcome = snapshot?.finished?.outcome;
  const parsed = outcome?.status === 'succeeded' ? operations[kind].result.safeParse(outcome.result) : undefined;
  const result = parsed?.success ? (parsed.data as OpResultOf<K>) : undefined;
  const error = startError ?? (outcome?.status === 'failed' ? outcome.error : undefined);
  return { snapshot, running, start, cancel, result, error };
}
