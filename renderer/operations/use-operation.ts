/**
 * One operation kind as a page sees it: subscribes to `op.progress` and
 * `op.finished` first, then fetches `op.list`, and merges both by seq, so an
 * operation started before the page opened (or before a reload) shows at once
 * and no event is lost or applied twice.
 */
import { useCallback, useEffect, useState } from 'react';
import { operations, type OperationKind, type OpInputRequestOf, type OpResultOf } from '../../common/contract/operations';
import type { ContractError } from '../../common/contract/result';
import type { OpSnapshot } from '../../common/contract/schemas/operations';
import { api } from '../bridge/api';
import { applyFinished, applyProgress, applySnapshot, currentOf, type OpViews } from './op-views';

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
  const [views, setViews] = useState<OpViews>({});
  const [startError, setStartError] = useState<ContractError>();

  useEffect(() => {
    let alive = true;
    const offProgress = api.on('op.progress', (progress) => {
      if (progress.kind === kind) setViews((v) => applyProgress(v, progress));
    });
    const offFinished = api.on('op.finished', (finished) => {
      if (finished.kind === kind) setViews((v) => applyFinished(v, finished));
    });
    void api.invoke['op.list']({}).then((r) => {
      if (!alive || !r.ok) return;
      const mine = r.value.operations.filter((snapshot) => snapshot.progress.kind === kind);
      setViews((v) => mine.reduce(applySnapshot, v));
    });
    return () => {
      alive = false;
      offProgress();
      offFinished();
    };
  }, [kind]);

  const snapshot = currentOf(views);
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
