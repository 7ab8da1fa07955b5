import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import type { EventName } from '../../common/contract/channels';
import { EventBus } from './event-bus';

describe('event bus', () => {
  it('sends an error in a payload as code, message and params only: its cause stays in main', () => {
    const bus = new EventBus();
    const sent: { event: EventName; payload: unknown }[] = [];
    bus.subscribe((event, payload) => sent.push({ event, payload }));
    const cause = Object.assign(new Error('AKIAIOSFODNN7EXAMPLE rejected'), { secret: 'wJalrXUtnFEMI-cause' });
    const error = new AppError('op.cancelled', 'Cancelled.', {}, { cause });
    expect(error.cause).toBe(cause);
    bus.emit('op.finished', { opId: 'op-1', kind: 'ec2.launch', seq: 1, startedAt: 1, finishedAt: 2, outcome: { status: 'failed', error } });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.payload).toMatchObject({ outcome: { status: 'failed', error: { code: 'op.cancelled', message: 'Cancelled.', params: {} } } });
    const wire = JSON.stringify(sent[0]?.payload);
    expect(wire).not.toMatch(/AKIA|wJalr|cause|stack/);
    const sentError = (sent[0]?.payload as { outcome: { error: object } }).outcome.error;
    expect(Object.keys(sentError).sort()).toEqual(['code', 'message', 'params']);
  });
});
