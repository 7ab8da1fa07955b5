/**
 * The step engine with a fake two-call step (main/testing/engine/two-call-step.ts):
 * progress order and seq, cancel between the calls, a crash between run() and
 * check() followed by reconcile on a new engine over the same data dir, a late
 * subscriber, one operation per kind, typed errors.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpFinished, OpProgress, StepStatus } from '../../common/contract/schemas/operations';
import { AppError } from '../../common/errors';
import { EventBus } from '../ipc/event-bus';
import { gate, Reality, TWO_CALLS, twoCallOperation, twoCallRegistry, twoCallStep, type TwoCallOptions } from '../testing/engine/two-call-step';
import { waitUntil } from '../testing/wait-until';
import { SetupStateStore } from './state-store';
import { CheckInputsChanged, type StepDefinition } from './step';
import { createStepEngine } from './step-engine';

interface Recorded {
  progress: OpProgress[];
  finished: OpFinished[];
  statuses: StepStatus[];
}

function build(dataDir: string, options: TwoCallOptions, logged: unknown[] = []) {
  const events = new EventBus();
  const seen: Recorded = { progress: [], finished: [], statuses: [] };
  events.subscribe((event, payload) => {
    if (event === 'op.progress') seen.progress.push(payload as OpProgress);
    if (event === 'op.finished') seen.finished.push(payload as OpFinished);
    if (event === 'setup.stepStatus') seen.statuses.push(payload as StepStatus);
  });
  const setup = new SetupStateStore(dataDir);
  const engine = createStepEngine({
    setup,
    events,
    steps: [twoCallStep(options.reality)],
    operations: [twoCallOperation(options)],
    registry: twoCallRegistry,
    log: (message, error) => logged.push([message, error]),
  });
  return { engine, events, seen, setup, dataDir };
}

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'onramp-engine-'));
const fileOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'setup.json'), 'utf8')) as { completed: string[]; operations?: { kind: string }[] };
const lastStatus = (seen: Recorded) => seen.statuses.at(-1);

describe('step engine', () => {
  it('reports progress in order with a growing seq, then the typed result, then re-checks the step', async () => {
    const reality = new Reality();
    const { engine, seen, dataDir } = build(tempDir(), { reality });
    const { opId } = await engine.operations.start(TWO_CALLS, { name: 'web' });
    const finished = await engine.operations.whenSettled(opId);

    expect(seen.progress.map((p) => [p.seq, p.phase, p.fraction])).toEqual([
      [0, 'op:phases.starting', null],
      [1, 'test:phases.first', 0.1],
      [2, 'test:phases.second', 0.6],
    ]);
    expect(seen.progress[1]?.message).toEqual({ key: 'test:creating', values: { name: 'web-a' } });
    expect(finished).toMatchObject({ opId, seq: 3, step: 'launch-server', outcome: { status: 'succeeded', result: { created: ['web-a', 'web-b'] } } });
    expect(seen.finished).toEqual([finished]);
    expect(lastStatus(seen)).toMatchObject({ step: 'launch-server', state: 'done' });
    expect(engine.statuses.all()).toEqual([lastStatus(seen)]);
    expect(fileOf(dataDir)).toMatchObject({ completed: ['launch-server'], operations: [] });
  });

  it('cancelled between the two calls: ends cancelled, the check shows what exists, and running again continues without making anything twice', async () => {
    const reality = new Reality();
    const between = gate();
    const { engine, seen, dataDir } = build(tempDir(), { reality, between });
    const { opId } = await engine.operations.start(TWO_CALLS, { name: 'web' });
    await waitUntil(() => reality.resources.has('web-a'), 'the first call');
    expect(engine.operations.cancel(opId)).toEqual({ cancelled: true });
    const finished = await engine.operations.whenSettled(opId);

    expect(finished?.outcome).toEqual({ status: 'cancelled' });
    expect(engine.operations.cancel(opId)).toEqual({ cancelled: false });
    expect(lastStatus(seen)).toMatchObject({ state: 'not-done', detail: { key: 'test:missing', values: { missing: 'web-b' } } });
    expect(fileOf(dataDir).completed).toEqual([]);

    between.open();
    const again = await engine.operations.start(TWO_CALLS, { name: 'web' });
    expect(again.opId).not.toBe(opId);
    expect((await engine.operations.whenSettled(again.opId))?.outcome).toEqual({ status: 'succeeded', result: { created: ['web-b'] } });
    expect(reality.createCalls).toEqual(['web-a', 'web-b']);
    expect(lastStatus(seen)).toMatchObject({ state: 'done' });
  });

  it('after a crash between run() and check(), a new engine over the same data dir reports the interrupted operation and reconcile finds the truth', async () => {
    const reality = new Reality();
    const dataDir = tempDir();
    const first = build(dataDir, { reality, after: gate() }); // never opens: the process "dies" here
    await first.engine.operations.start(TWO_CALLS, { name: 'web' });
    await waitUntil(() => reality.resources.has('web-b'), 'both calls');
    expect(fileOf(dataDir).operations).toMatchObject([{ kind: TWO_CALLS, step: 'launch-server' }]);

    const second = build(dataDir, { reality });
    expect(second.engine.statuses.all()).toMatchObject([{ step: 'launch-server', state: 'unknown' }]);
    const [interrupted] = await second.engine.operations.list();
    expect(interrupted?.finished?.outcome).toMatchObject({ status: 'failed', error: { code: 'op.interrupted' } });

    const [status] = await second.engine.statuses.reconcile();
    expect(status).toMatchObject({ step: 'launch-server', state: 'done' });
    expect(status?.interrupted).toBeUndefined();
    expect(second.seen.statuses.map((s) => s.state)).toEqual(['checking', 'done']);
    expect(fileOf(dataDir)).toMatchObject({ completed: ['launch-server'], operations: [] });
    expect(await second.engine.operations.list()).toEqual([]);
  });

  it('after a crash mid-way, the step says interrupted until the operation runs again and continues', async () => {
    const reality = new Reality();
    const dataDir = tempDir();
    const first = build(dataDir, { reality, between: gate() });
    await first.engine.operations.start(TWO_CALLS, { name: 'web' });
    await waitUntil(() => reality.resources.has('web-a'), 'the first call');

    const second = build(dataDir, { reality });
    const [status] = await second.engine.statuses.reconcile('launch-server');
    expect(status).toMatchObject({ state: 'not-done', interrupted: { kind: TWO_CALLS }, detail: { values: { missing: 'web-b' } } });

    const { opId } = await second.engine.operations.start(TWO_CALLS, { name: 'web' });
    expect((await second.engine.operations.whenSettled(opId))?.outcome).toEqual({ status: 'succeeded', result: { created: ['web-b'] } });
    expect(reality.createCalls).toEqual(['web-a', 'web-b']);
    expect(lastStatus(second.seen)).toMatchObject({ state: 'done' });
    expect(lastStatus(second.seen)?.interrupted).toBeUndefined();
    expect((await second.engine.operations.list()).map((s) => s.progress.opId)).toEqual([opId]);
  });

  it('gives a late subscriber the current state: the snapshot, then only newer events', async () => {
    const reality = new Reality();
    const between = gate();
    const { engine, events } = build(tempDir(), { reality, between });
    const { opId } = await engine.operations.start(TWO_CALLS, { name: 'web' });
    await waitUntil(() => reality.resources.has('web-a'), 'the first call');

    const late: (OpProgress | OpFinished)[] = [];
    events.subscribe((event, payload) => {
      if (event === 'op.progress' || event === 'op.finished') late.push(payload as OpProgress);
    });
    const [snapshot] = await engine.operations.list();
    expect(snapshot).toEqual({ progress: expect.objectContaining({ opId, seq: 1, phase: 'test:phases.first', fraction: 0.1 }) });
    between.open();
    await engine.operations.whenSettled(opId);
    expect(late.map((e) => e.seq)).toEqual([2, 3]);

    const [after] = await engine.operations.list();
    expect(after?.finished).toMatchObject({ opId, seq: 3, outcome: { status: 'succeeded' } });
  });

  it('runs one operation per kind: a second start returns the running opId', async () => {
    const reality = new Reality();
    const between = gate();
    const { engine } = build(tempDir(), { reality, between });
    const [a, b] = await Promise.all([engine.operations.start(TWO_CALLS, { name: 'web' }), engine.operations.start(TWO_CALLS, { name: 'web' })]);
    expect(b.opId).toBe(a.opId);
    between.open();
    await engine.operations.whenSettled(a.opId);
    expect(reality.createCalls).toEqual(['web-a', 'web-b']);
  });

  it('ends with a typed error: an AppError keeps its code, anything else is contract.internal without its message', async () => {
    const coded = build(tempDir(), { reality: new Reality(), failWith: new AppError('iam.accessDenied', 'denied', { awsCode: 'AccessDenied', action: 'ec2:RunInstances' }) });
    const one = await coded.engine.operations.start(TWO_CALLS, { name: 'web' });
    expect((await coded.engine.operations.whenSettled(one.opId))?.outcome).toEqual({
      status: 'failed',
      error: { code: 'iam.accessDenied', message: 'denied', params: { awsCode: 'AccessDenied', action: 'ec2:RunInstances' } },
    });

    const logged: unknown[] = [];
    const plain = build(tempDir(), { reality: new Reality(), failWith: new Error('secret AKIAIOSFODNN7EXAMPLE') }, logged);
    const two = await plain.engine.operations.start(TWO_CALLS, { name: 'web' });
    const finished = await plain.engine.operations.whenSettled(two.opId);
    expect(finished?.outcome).toMatchObject({ status: 'failed', error: { code: 'contract.internal' } });
    expect(JSON.stringify(plain.seen)).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(logged.length).toBe(1);
  });

  it('refuses an unknown kind and bad input with typed errors', async () => {
    const { engine } = build(tempDir(), { reality: new Reality() });
    await expect(engine.operations.start('test.nothing', {})).rejects.toMatchObject({ code: 'op.unknownKind' });
    await expect(engine.operations.start(TWO_CALLS, { name: 7 })).rejects.toMatchObject({ code: 'op.invalidInput', params: { fields: 'name' } });
  });

  it('bounds a check that hangs: the step shows the timeout as an error', async () => {
    const events = new EventBus();
    const engine = createStepEngine({
      setup: new SetupStateStore(tempDir()),
      events,
      steps: [{ id: 'domain', check: () => new Promise(() => {}) }],
      operations: [],
      registry: twoCallRegistry,
      checkTimeoutMs: 50,
    });
    const [status] = await engine.statuses.reconcile('domain');
    expect(status).toMatchObject({ step: 'domain', state: 'error', error: { code: 'setup.checkTimedOut' } });
  });

  it('checks again when what the check read changed under it (the AWS connection replaced mid-check), and says so if it keeps changing', async () => {
    let calls = 0;
    const logged: unknown[] = [];
    const engine = createStepEngine({
      setup: new SetupStateStore(tempDir()),
      events: new EventBus(),
      steps: [
        {
          id: 'domain',
          check: async () => {
            calls += 1;
            if (calls === 1) throw new CheckInputsChanged('AWS clients were used after the connection was replaced');
            return { done: true };
          },
        },
        { id: 'https', check: () => Promise.reject(new CheckInputsChanged('changed again')) },
      ],
      operations: [],
      registry: twoCallRegistry,
      log: (message, error) => logged.push([message, error]),
    });
    const statuses = await engine.statuses.reconcile();
    expect(calls).toBe(2);
    expect(statuses.find((s) => s.step === 'domain')).toMatchObject({ state: 'done' });
    expect(statuses.find((s) => s.step === 'https')).toMatchObject({ state: 'error', error: { code: 'setup.checkInputsChanged' } });
    expect(logged).toEqual([]);
  });

  it('a signal re-checks only the steps that name it in recheckOn', async () => {
    const calls = { connect: 0, domain: 0 };
    const engine = createStepEngine({
      setup: new SetupStateStore(tempDir()),
      events: new EventBus(),
      steps: [
        { id: 'connect', recheckOn: ['hostKeyPinned'], check: async () => ({ done: ++calls.connect > 1 }) },
        { id: 'domain', check: async () => ({ done: ++calls.domain > 1 }) },
      ],
      operations: [],
      registry: twoCallRegistry,
    });
    await engine.statuses.reconcile();
    engine.statuses.signal('hostKeyPinned');
    await waitUntil(() => engine.statuses.all().find((s) => s.step === 'connect')?.state === 'done', 'connect re-checked');
    expect(calls).toEqual({ connect: 2, domain: 1 });
  });

  it('checks again the steps an operation declares it affects when it FINISHES, not when it starts, and tells listeners', async () => {
    const reality = new Reality();
    const between = gate();
    const events = new EventBus();
    const statuses: StepStatus[] = [];
    events.subscribe((event, payload) => event === 'setup.stepStatus' && statuses.push(payload as StepStatus));
    const checks: string[] = [];
    const watcher: StepDefinition = { id: 'static-ip', check: async () => (checks.push('static-ip'), { done: reality.resources.has('web-b') }) };
    const operation = { ...twoCallOperation({ reality, between }), affects: { steps: ['static-ip'] as const, awsResources: true } };
    const engine = createStepEngine({ setup: new SetupStateStore(tempDir()), events, steps: [twoCallStep(reality), watcher], operations: [operation], registry: twoCallRegistry });
    const told: unknown[] = [];
    engine.onOperationFinished((finished, affects) => told.push([finished.kind, affects.awsResources]));

    const { opId } = await engine.operations.start(TWO_CALLS, { name: 'web' });
    await waitUntil(() => reality.resources.has('web-a'), 'the first call');
    expect(checks).toEqual([]); // started, not finished: nothing checked yet
    between.open();
    await engine.operations.whenSettled(opId);
    expect(checks).toEqual(['static-ip']);
    expect(told).toEqual([[TWO_CALLS, true]]);
    expect(engine.statuses.all().map((s) => [s.step, s.state])).toEqual([
      ['launch-server', 'done'],
      ['static-ip', 'done'],
    ]);
    engine.dispose();
  });

  it('a run stopped before its last phase stays marked with that phase after its step passes, until every step it completes passes', async () => {
    const reality = new Reality();
    const dataDir = tempDir();
    const attached = { done: false };
    const staticIp: StepDefinition = { id: 'static-ip', check: async () => ({ done: attached.done }) };
    const make = (options: TwoCallOptions) => {
      const events = new EventBus();
      const operation = { ...twoCallOperation(options), affects: { finishedWhen: ['launch-server', 'static-ip'] as const } };
      return createStepEngine({ setup: new SetupStateStore(dataDir), events, steps: [twoCallStep(reality), staticIp], operations: [operation], registry: twoCallRegistry });
    };
    const first = make({ reality, after: gate() }); // both calls made, then the process "dies" before its last phase ends
    await first.operations.start(TWO_CALLS, { name: 'web' });
    await waitUntil(() => reality.resources.has('web-b'), 'both calls');
    await waitUntil(() => fileOf(dataDir).operations?.[0] !== undefined && JSON.stringify(fileOf(dataDir)).includes('test:phases.second'), 'the phase in setup.json');

    const second = make({ reality });
    const launch = (await second.statuses.reconcile('launch-server'))[0];
    expect(launch).toMatchObject({ step: 'launch-server', state: 'done', interrupted: { kind: TWO_CALLS, phase: 'test:phases.second' } });
    await second.statuses.reconcile('static-ip');
    expect(second.statuses.all()[0]?.interrupted).toMatchObject({ phase: 'test:phases.second' }); // static IP not done: still unfinished

    attached.done = true;
    await second.statuses.reconcile('static-ip');
    expect(second.statuses.all().map((s) => [s.step, s.state, s.interrupted])).toEqual([
      ['launch-server', 'done', undefined],
      ['static-ip', 'done', undefined],
    ]);
    expect(fileOf(dataDir).operations).toEqual([]);
    first.dispose();
    second.dispose();
  });
});
