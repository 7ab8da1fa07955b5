import { describe, expect, it, vi } from 'vitest';
import type { JourneySnapshot } from '../../common/contract/schemas/journey';
import type { TaggedResources } from '../../common/contract/schemas/ec2';
import type { OpSnapshot, StepStatus } from '../../common/contract/schemas/operations';
import type { SetupState } from '../../common/contract/schemas/setup';
import { AppError } from '../../common/errors';
import { JourneyService, type JourneySources } from './journey-service';
import { staleOperations } from './journey-model';

const base: SetupState = {
  version: 1,
  setupId: 's-1',
  currentPage: 'done',
  completed: [],
  choices: { awsSource: { kind: 'default' }, region: 'ap-northeast-2' },
  resources: { instanceId: 'i-1', elasticIp: '3.35.1.2', sshKeyItemId: 'k-1', keyPairName: 'onramp-key' },
};
const running: TaggedResources = {
  region: 'ap-northeast-2',
  instances: [{ instanceId: 'i-1', state: 'running', instanceType: 't3.micro' }],
  volumes: [],
  addresses: [{ allocationId: 'eipalloc-1', publicIp: '3.35.1.2', associated: true }],
  securityGroups: [{ groupId: 'sg-1' }],
  keyPairs: [{ keyName: 'onramp-key', inVault: true }],
  monthly: { instanceUsd: 7.59, volumeUsd: 1.46, publicIpv4Usd: 3.65, totalUsd: 12.7, complete: true, priceDate: '2026-12-01' }, plan: { state: 'paid' },
};
const nothing: TaggedResources = { region: 'ap-northeast-2', instances: [], volumes: [], addresses: [], securityGroups: [], keyPairs: [], monthly: { instanceUsd: 0, volumeUsd: 0, publicIpv4Usd: 0, totalUsd: 0, complete: true, priceDate: '2026-12-01' }, plan: { state: 'paid' } };

function harness(overrides: Partial<JourneySources> = {}) {
  let setup = base;
  let steps: StepStatus[] = [];
  let aws = running;
  const emitted: JourneySnapshot[] = [];
  const sources: JourneySources = {
    setup: async () => setup,
    steps: () => steps,
    operations: async () => [],
    vaultItems: () => [{ id: 'k-1', kind: 'ssh-key' }],
    setups: async () => ({ active: setup.setupId, setups: [{ id: setup.setupId, name: '', createdAt: 0 }] }),
    awsResources: async () => aws,
    ...overrides,
  };
  const service = new JourneyService({ sources, emit: (s) => emitted.push(s), log: () => undefined, coalesceMs: 1 });
  return {
    service,
    emitted,
    setSetup: (next: SetupState) => (setup = next),
    setSteps: (next: StepStatus[]) => (steps = next),
    setAws: (next: TaggedResources) => (aws = next),
  };
}

describe('JourneyService', () => {
  it('numbers every different model with the next revision, and sends nothing when nothing changed', async () => {
    const h = harness();
    const first = await h.service.snapshot();
    expect(first.revision).toBe(1);
    expect(first.model.derived.server?.label).toBe('ubuntu@3.35.1.2');
    expect((await h.service.snapshot()).revision).toBe(1);
    h.setSteps([{ step: 'launch-server', state: 'done', revision: 3 }]);
    h.service.changed();
    h.service.changed(); // two changes close together: one revision
    await vi.waitFor(() => expect(h.emitted.at(-1)?.revision).toBe(2));
    expect(h.emitted.map((s) => s.revision)).toEqual([1, 2]);
    expect(h.emitted.every((s) => s.epoch === h.service.epoch)).toBe(true);
  });

  it('shows the server as AWS answered; after a teardown the next read shows that nothing exists', async () => {
    const h = harness();
    await h.service.readAwsResources();
    let model = (await h.service.snapshot()).model;
    expect(model.resources.aws.state).toBe('read');
    expect(model.resources.server).toEqual({ from: 'aws', instanceId: 'i-1', instanceState: 'running', instanceType: 't3.micro', elasticIp: '3.35.1.2', allocationId: 'eipalloc-1', attached: true });

    h.setAws(nothing);
    h.setSetup({ ...base, resources: {} });
    await h.service.readAwsResources();
    model = (await h.service.snapshot()).model;
    expect(model.resources.aws.found?.instances).toEqual([]);
    expect(model.resources.server).toBeUndefined();
    expect(model.derived.server).toBeUndefined();
  });

  it('reads AWS again when the setup’s AWS inputs change (another process tore down, or a new source)', async () => {
    const read = vi.fn(async () => running);
    const h = harness({ awsResources: read });
    h.service.setupChanged(base);
    expect(read).toHaveBeenCalledTimes(0); // the first state only records the inputs
    h.service.setupChanged({ ...base, currentPage: 'launch-server' });
    expect(read).toHaveBeenCalledTimes(0); // not an AWS input
    h.service.setupChanged({ ...base, resources: {} });
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(1));
  });

  it('does not read AWS for what an operation running here records: its end reads it', async () => {
    const read = vi.fn(async () => running);
    let busy = true;
    const h = harness({ awsResources: read, busy: () => busy });
    h.service.setupChanged(base);
    h.service.setupChanged({ ...base, resources: { instanceId: 'i-2' } });
    expect(read).not.toHaveBeenCalled();
    busy = false;
    h.service.setupChanged({ ...base, resources: {} });
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(1));
  });

  it('shows an AWS read that failed as an error, never the resources recorded before it', async () => {
    const h = harness({ awsResources: async () => Promise.reject(new AppError('aws.accessDenied', 'denied', { awsCode: 'AccessDenied' })) });
    await h.service.readAwsResources();
    const model = (await h.service.snapshot()).model;
    expect(model.resources.aws).toMatchObject({ state: 'error', error: { code: 'aws.accessDenied' } });
    expect(model.resources.server).toBeUndefined();
  });

  it('does not read AWS on the own-server path or without a source; the recorded ids stand until a read', async () => {
    const read = vi.fn(async () => running);
    const h = harness({ awsResources: read });
    h.setSetup({ ...base, choices: {} });
    await h.service.readAwsResources();
    expect(read).not.toHaveBeenCalled();
    expect((await h.service.snapshot()).model.resources.server).toMatchObject({ from: 'recorded', instanceId: 'i-1' });
  });

  it('marks the vault items of a key pair or IAM user that is gone, and a source item missing from the vault', async () => {
    const h = harness({ vaultItems: () => [{ id: 'k-1', kind: 'ssh-key' }, { id: 'login-1', kind: 'console-login' }] });
    h.setAws(nothing);
    h.setSetup({
      ...base,
      choices: { ...base.choices, awsSource: { kind: 'vault', itemId: 'key-2' }, iam: { userName: 'onramp', groupName: 'onramp', preset: 'ec2', consoleAccess: true } },
      resources: { ...base.resources, consoleLoginItemId: 'login-1', iamAccessKeyItemId: 'key-2' },
    });
    h.setSteps([{ step: 'secure-account', state: 'not-done', detail: { key: 'iam:check.userMissing', values: { userName: 'onramp' } }, revision: 1 }]);
    await h.service.readAwsResources();
    const model = (await h.service.snapshot()).model;
    expect(model.vaultItems).toEqual([
      { itemId: 'k-1', label: '', role: 'server-key', belongsTo: 'onramp-key', missing: false, gone: true },
      { itemId: 'login-1', label: '', role: 'console-login', belongsTo: 'onramp', missing: false, gone: true },
      { itemId: 'key-2', label: '', role: 'iam-access-key', belongsTo: 'onramp', missing: true, gone: true },
      { itemId: 'key-2', label: '', role: 'aws-source', belongsTo: 'onramp', missing: true, gone: true },
    ]);
    expect(model.notices.map((n) => n.code)).toEqual(['journey.awsSourceMissing']);
  });

  it("lists this setup's app settings (found by their setupId, never gone), not another setup's", async () => {
    const h = harness({
      vaultItems: () => [
        { id: 'k-1', kind: 'ssh-key' },
        { id: 'app-1', kind: 'app-settings', label: 'My app', setupId: 's-1' },
        { id: 'app-2', kind: 'app-settings', label: 'Other app', setupId: 's-2' },
      ],
    });
    await h.service.readAwsResources();
    const model = (await h.service.snapshot()).model;
    expect(model.vaultItems.filter((item) => item.role === 'app-settings')).toEqual([
      { itemId: 'app-1', label: 'My app', role: 'app-settings', belongsTo: 's-1', missing: false, gone: false },
    ]);
  });
});

describe('staleOperations', () => {
  const op = (opId: string, kind: string, step: StepStatus['step'] | undefined, finishedAt: number): OpSnapshot => ({
    progress: { opId, kind, ...(step ? { step } : {}), seq: 1, phase: 'p', fraction: null, startedAt: 0 },
    finished: { opId, kind, ...(step ? { step } : {}), seq: 2, startedAt: 0, finishedAt, outcome: { status: 'succeeded', result: {} } },
  });
  const undoes = (kind: string) => (kind === 'done.teardown' ? (['launch-server', 'static-ip'] as const) : []);

  it('lists the results a later teardown took down, not those that came after it', () => {
    const ops = [op('launch', 'launch-server.launch', 'launch-server', 10), op('attach', 'static-ip.attach', 'static-ip', 30), op('teardown', 'done.teardown', undefined, 20)];
    expect(staleOperations(ops, undoes)).toEqual(['launch']);
  });
});
