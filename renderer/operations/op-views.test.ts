import { describe, expect, it } from 'vitest';
import type { OpFinished, OpProgress } from '../../common/contract/schemas/operations';
import { applyFinished, applyProgress, applySnapshot, currentOf, type OpViews } from './op-views';

const progress = (seq: number, opId = 'a'): OpProgress => ({ opId, kind: 'k', seq, phase: `p${seq}`, fraction: seq / 10, startedAt: 1000 });
const finished = (seq: number, opId = 'a'): OpFinished => ({ opId, kind: 'k', seq, startedAt: 1000, finishedAt: 2000, outcome: { status: 'cancelled' } });

describe('merging operation events and snapshots by seq', () => {
  it('a snapshot fetched after newer events does not roll them back, and an event seen twice is applied once', () => {
    let views: OpViews = {};
    views = applyProgress(views, progress(2));
    views = applySnapshot(views, { progress: progress(1) });
    expect(views['a']?.progress.seq).toBe(2);
    const same = applyProgress(views, progress(2));
    expect(same).toBe(views);
  });

  it('events after the snapshot move it forward, and the finish wins over late progress', () => {
    let views: OpViews = applySnapshot({}, { progress: progress(1) });
    views = applyProgress(views, progress(2));
    views = applyFinished(views, finished(3));
    views = applyProgress(views, progress(2));
    expect(views['a']).toEqual({ progress: progress(2), finished: finished(3) });
  });

  it('a finish seen before any progress still shows', () => {
    const views = applyFinished({}, finished(4, 'b'));
    expect(currentOf(views)?.finished?.seq).toBe(4);
  });

  it('shows the running operation before a finished one', () => {
    let views = applyFinished({}, finished(3, 'old'));
    views = applyProgress(views, progress(0, 'new'));
    expect(currentOf(views)?.progress.opId).toBe('new');
  });
});
