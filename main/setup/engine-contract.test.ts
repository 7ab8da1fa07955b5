/**
 * The engine's channels through createServices and the real router: op.start
 * with a bad kind or bad input is a typed contract error; op.cancel of an
 * unknown operation; setup.steps / setup.reconcile for the built steps; the
 * manual mark refused for a built step and kept for a step not built yet.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../composition';
import { createHostPlatform } from '../host/host-platform';
import { createAwsEnvSandbox, type AwsEnvSandbox } from '../testing/aws/aws-env-sandbox';
import { InMemoryKeychain } from '../vault/memory-keychain';

let services: Services;
let sandbox: AwsEnvSandbox;
beforeEach(() => {
  sandbox = createAwsEnvSandbox();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-engine-contract-'));
  services = createServices({ dataDir, keychain: new InMemoryKeychain(), options: { platform: createHostPlatform('test'), log: () => {}, reconcileOnStart: false } });
});
afterEach(async () => {
  await services.dispose();
  sandbox.restore();
});

describe('engine channels', () => {
  it('op.start refuses an unknown kind and input its kind does not accept, naming only paths', async () => {
    expect(await services.dispatch('op.start', { kind: 'ec2.deleteEverything', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'contract.invalidRequest', params: { channel: 'op.start', issues: 'kind: custom' } },
    });
    const bad = await services.dispatch('op.start', { kind: 'connect-aws.verify', input: { region: 'AKIAIOSFODNN7EXAMPLE' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'contract.invalidRequest', params: { issues: 'input: custom' } } });
    expect(JSON.stringify(bad)).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(await services.dispatch('op.start', { kind: 'connect-aws.verify' })).toMatchObject({ ok: true });
  });

  it('a real operation ends with a typed error the renderer can translate, and its step is re-checked', async () => {
    const started = await services.dispatch('op.start', { kind: 'connect-aws.verify', input: {} });
    if (!started.ok) throw new Error(started.error.code);
    const { opId } = started.value as { opId: string };
    const finished = await services.engine.operations.whenSettled(opId);
    expect(finished?.outcome).toMatchObject({ status: 'failed', error: { code: 'setup.awsSourceNotChosen' } });
    expect(await services.dispatch('op.list', {})).toMatchObject({ ok: true, value: { operations: [{ finished: { opId, seq: 2 } }] } });
    expect(await services.dispatch('setup.steps', {})).toMatchObject({
      ok: true,
      value: { steps: expect.arrayContaining([expect.objectContaining({ step: 'connect-aws', state: 'not-done', detail: { key: 'aws:check.noSource' } }), expect.objectContaining({ step: 'connect', state: 'unknown' })]) },
    });
  });

  it('op.cancel of an operation that is not running answers cancelled: false', async () => {
    expect(await services.dispatch('op.cancel', { opId: 'nope' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('setup.reconcile checks a step from reality: no server chosen is not done, with the reason', async () => {
    const result = await services.dispatch('setup.reconcile', { step: 'connect' });
    expect(result).toMatchObject({
      ok: true,
      value: { steps: expect.arrayContaining([expect.objectContaining({ step: 'connect-aws', state: 'unknown' }), expect.objectContaining({ step: 'connect', state: 'not-done', detail: { key: 'ssh:check.noServer' } })]) },
    });
  });

  it('refuses a manual mark for a built step and keeps it for a step not built yet', async () => {
    expect(await services.dispatch('setup.markStep', { step: 'connect-aws', done: true })).toMatchObject({ ok: false, error: { code: 'setup.stepIsChecked' } });
    expect(await services.dispatch('setup.markStep', { step: 'done', done: true })).toMatchObject({ ok: true, value: { completed: ['done'] } });
  });
});
