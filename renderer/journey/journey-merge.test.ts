import { describe, expect, it } from 'vitest';
import type { JourneyModel, JourneySnapshot } from '../../common/contract/schemas/journey';
import type { OpProgress } from '../../common/contract/schemas/operations';
import { applyJourney, applyOpFinished, applyOpProgress, emptyJourneyState } from './journey-merge';

const model = (page: JourneyModel['setup']['currentPage'], operations: JourneyModel['operations'] = []) =>
  ({ setup: { currentPage: page }, operations }) as unknown as JourneyModel;
const snap = (epoch: string, revision: number, page: JourneyModel['setup']['currentPage'], operations: JourneyModel['operations'] = []): JourneySnapshot => ({
  epoch,
  revision,
  model: model(page, operations),
});
const progress = (seq: number): OpProgress => ({ opId: 'op-1', kind: 'done.teardown', seq, phase: 'ec2:teardown.instance', fraction: 0.5, startedAt: 1 });

describe('the journey store merge', () => {
  it('keeps the highest revision whatever the order: an event before the snapshot it outdates', () => {
    const afterEvent = applyJourney(emptyJourneyState, snap('e1', 5, 'done'));
    const afterStaleSnapshot = applyJourney(afterEvent, snap('e1', 4, 'launch-server'));
    expect(afterStaleSnapshot).toBe(afterEvent);
    expect(applyJourney(afterEvent, snap('e1', 5, 'launch-server'))).toBe(afterEvent); // the same revision twice: applied once
    expect(applyJourney(afterEvent, snap('e1', 6, 'static-ip')).snapshot?.model.setup.currentPage).toBe('static-ip');
  });

  it('takes a new epoch (a new main process) whatever its revision, and forgets the old one’s operations', () => {
    const old = applyOpProgress(applyJourney(emptyJourneyState, snap('e1', 40, 'done')), progress(3));
    const fresh = applyJourney(old, snap('e2', 1, 'connect-aws'));
    expect(fresh.snapshot?.revision).toBe(1);
    expect(fresh.operations).toEqual({});
  });

  it('merges operation events and the model’s operations by seq, never going back', () => {
    let state = applyJourney(emptyJourneyState, snap('e1', 1, 'done'));
    state = applyOpProgress(state, progress(2));
    state = applyOpProgress(state, progress(1)); // late and older: ignored
    expect(state.operations['op-1']?.progress.seq).toBe(2);
    state = applyOpFinished(state, { opId: 'op-1', kind: 'done.teardown', seq: 3, startedAt: 1, finishedAt: 9, outcome: { status: 'succeeded', result: {} } });
    // A model built before the end arrives afterwards: the finished operation stays finished.
    state = applyJourney(state, snap('e1', 2, 'done', [{ progress: progress(2) }]));
    expect(state.operations['op-1']?.finished?.seq).toBe(3);
    expect(state.snapshot?.revision).toBe(2);
    // A model that no longer lists it (another setup is active): it goes.
    state = applyJourney(state, snap('e1', 3, 'done', []));
    expect(state.operations).toEqual({});
  });
});
