/**
 * Steps that are not part of the chosen path: skipped with their reason, never
 * checked, their operations refused; switching the path back checks them again.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StepStatus } from '../../common/contract/schemas/operations';
import { EventBus } from '../ipc/event-bus';
import { Reality, TWO_CALLS, twoCallOperation, twoCallRegistry, twoCallStep } from '../testing/engine/two-call-step';
import { waitUntil } from '../testing/wait-until';
import { SetupStateStore } from './state-store';
import { awsOnly, type StepDefinition } from './step';
import { createStepEngine, type StepEngine } from './step-engine';

const REASON = { key: 'setup:skipped.launch-server' };

function build() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-applies-'));
  const reality = new Reality();
  const statuses: StepStatus[] = [];
  let checks = 0;
  const events = new EventBus();
  events.subscribe((event, payload) => {
    if (event === 'setup.stepStatus') statuses.push(payload as StepStatus);
  });
  const inner = twoCallStep(reality);
  const step: StepDefinition = {
    ...inner,
    appliesTo: awsOnly(REASON),
    check: (context) => {
      checks += 1;
      return inner.check(context);
    },
  };
  const holder: { engine?: StepEngine } = {};
  const setup = new SetupStateStore(dataDir, (state) => holder.engine?.setupChanged(state));
  const engine = createStepEngine({ setup, events, steps: [step], operations: [twoCallOperation({ reality })], registry: twoCallRegistry });
  holder.engine = engine;
  return { engine, setup, statuses, dataDir, checks: () => checks };
}

const last = (statuses: StepStatus[]) => statuses.at(-1);

describe('step applicability', () => {
  it('on the AWS path the step is checked and its operation runs', async () => {
    const { engine, setup, statuses, checks } = build();
    await setup.choosePath('aws');
    const { opId } = await engine.operations.start(TWO_CALLS, { name: 'web' });
    await engine.operations.whenSettled(opId);
    expect(last(statuses)).toMatchObject({ step: 'launch-server', state: 'done' });
    expect(checks()).toBeGreaterThan(0);
  });

  it('choosing the own server skips the step with its reason, without a check, and clears its mark', async () => {
    const { engine, setup, statuses, dataDir, checks } = build();
    await setup.choosePath('aws');
    const { opId } = await engine.operations.start(TWO_CALLS, { name: 'web' });
    await engine.operations.whenSettled(opId);
    const checksBefore = checks();

    await setup.choosePath('own-server');
    await waitUntil(() => last(statuses)?.state === 'skipped', 'the step to be skipped');
    expect(last(statuses)).toMatchObject({ step: 'launch-server', state: 'skipped', detail: REASON });
    await engine.statuses.reconcile();
    expect(engine.statuses.all()).toEqual([expect.objectContaining({ state: 'skipped', detail: REASON })]);
    expect(checks()).toBe(checksBefore);
    await waitUntil(() => !readFileSync(path.join(dataDir, 'setup.json'), 'utf8').includes('"launch-server"'), 'the mark to go');
  });

  it('refuses an operation of a skipped step with a translated error', async () => {
    const { engine, setup } = build();
    await setup.choosePath('own-server');
    await expect(engine.operations.start(TWO_CALLS, { name: 'web' })).rejects.toMatchObject({ code: 'setup.stepNotApplicable', params: { step: 'launch-server' } });
    expect(await engine.operations.list()).toEqual([]);
  });

  it('switching back to AWS checks the step again', async () => {
    const { engine, setup, statuses, checks } = build();
    await setup.choosePath('own-server');
    await engine.statuses.reconcile();
    expect(last(statuses)?.state).toBe('skipped');
    await setup.choosePath('aws');
    await waitUntil(() => last(statuses)?.state === 'not-done', 'the step to be checked again');
    expect(checks()).toBe(1);
    expect(last(statuses)?.detail).toEqual({ key: 'test:missing', values: { missing: 'web-a, web-b' } });
  });
});
