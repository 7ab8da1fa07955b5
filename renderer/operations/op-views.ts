/**
 * Merging operation events and `op.list` snapshots without losing or applying
 * anything twice: per opId, whatever carries the higher `seq` wins (the final
 * `op.finished` has the highest of its operation).
 */
import type { OpFinished, OpProgress, OpSnapshot } from '../../common/contract/schemas/operations';

export type OpViews = Readonly<Record<string, OpSnapshot>>;

export function seqOf(view: OpSnapshot): number {
  return view.finished?.seq ?? view.progress.seq;
}

function newer(views: OpViews, opId: string, seq: number): boolean {
  const current = views[opId];
  return current === undefined || seqOf(current) < seq;
}

export function applyProgress(views: OpViews, progress: OpProgress): OpViews {
  if (!newer(views, progress.opId, progress.seq)) return views;
  return { ...views, [progress.opId]: { progress } };
}

export function applyFinished(views: OpViews, finished: OpFinished): OpViews {
  if (!newer(views, finished.opId, finished.seq)) return views;
  const { opId, kind, step, startedAt } = finished;
  const progress = views[opId]?.progress ?? { opId, kind, ...(step ? { step } : {}), startedAt, seq: finished.seq - 1, phase: 'op:phases.starting', fraction: null };
  return { ...views, [opId]: { progress, finished } };
}

export function applySnapshot(views: OpViews, snapshot: OpSnapshot): OpViews {
  if (!newer(views, snapshot.progress.opId, seqOf(snapshot))) return views;
  return { ...views, [snapshot.progress.opId]: snapshot };
}

/** The one to show: a running operation, else the one that finished last. */
export function currentOf(views: OpViews): OpSnapshot | undefined {
  const all = Object.values(views);
  const running = all.filter((view) => !view.finished).sort((a, b) => b.progress.startedAt - a.progress.startedAt)[0];
  if (running) return running;
  return all.sort((a, b) => (b.finished?.finishedAt ?? 0) - (a.finished?.finishedAt ?? 0))[0];
}
