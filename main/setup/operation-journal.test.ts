/**
 * The cross-process guard in the journal: two journals over one data dir stand for two Onramp processes (each with
 * its own owner). A live owner refuses the kind; a dead one, an earlier process with our pid, or a record too old to
 * trust is taken over. The real two-process race is in main/aws/ec2/launch-two-processes.test.ts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OperationJournal, OWNER_TRUST_MS, type OwnerProbe } from './operation-journal';
import { SetupStateStore } from './state-store';

const alivePids = new Set<number>();
function probe(pid: number, instance: string, host = 'here', now = () => Date.now()): OwnerProbe {
  return { self: { pid, host, instance }, alive: (p) => alivePids.has(p), now };
}
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'onramp-journal-'));
const recordsOn = (dir: string) =>
  (JSON.parse(readFileSync(path.join(dir, 'setup.json'), 'utf8')) as { operations?: { opId: string; owner?: { pid: number } }[] }).operations ?? [];

describe('operation journal across processes', () => {
  it('refuses a kind another live process runs, and takes it over once that process is gone', async () => {
    const dir = tempDir();
    alivePids.add(101);
    const first = new OperationJournal(new SetupStateStore(dir), probe(101, 'a'));
    const second = new OperationJournal(new SetupStateStore(dir), probe(202, 'b'));
    await first.started({ opId: 'op-1', kind: 'launch', startedAt: Date.now() });
    await expect(second.started({ opId: 'op-2', kind: 'launch', startedAt: Date.now() })).rejects.toMatchObject({ code: 'op.runningElsewhere', params: { kind: 'launch' } });
    expect(recordsOn(dir).map((r) => r.opId)).toEqual(['op-1']); // nothing written by the refused start
    await second.started({ opId: 'op-3', kind: 'other', startedAt: Date.now() }); // another kind is free

    alivePids.delete(101); // the first process died mid-operation
    await second.started({ opId: 'op-4', kind: 'launch', startedAt: Date.now() });
    expect(recordsOn(dir).map((r) => [r.opId, r.owner?.pid])).toEqual([['op-3', 202], ['op-4', 202]]);
  });

  it('a live record of another process is not shown as interrupted; a dead one is', async () => {
    const dir = tempDir();
    alivePids.add(303);
    await new OperationJournal(new SetupStateStore(dir), probe(303, 'c')).started({ opId: 'live', kind: 'k1', startedAt: Date.now() });
    await new OperationJournal(new SetupStateStore(dir), probe(404, 'd')).started({ opId: 'dead', kind: 'k2', startedAt: Date.now() });
    const later = new OperationJournal(new SetupStateStore(dir), probe(505, 'e'));
    await later.load();
    expect(later.interrupted().map((r) => r.opId)).toEqual(['dead']);
  });

  it('an earlier process with our pid (a container restart), a record from another host that is too old, and an unowned record are taken over', async () => {
    const dir = tempDir();
    alivePids.add(7);
    await new OperationJournal(new SetupStateStore(dir), probe(7, 'before-restart')).started({ opId: 'old', kind: 'k', startedAt: Date.now() });
    const restarted = new OperationJournal(new SetupStateStore(dir), probe(7, 'after-restart'));
    await restarted.started({ opId: 'new', kind: 'k', startedAt: Date.now() });
    expect(recordsOn(dir).map((r) => r.opId)).toEqual(['new']);

    const remote = new OperationJournal(new SetupStateStore(dir), probe(8, 'remote', 'other-host'));
    await remote.started({ opId: 'remote', kind: 'r', startedAt: Date.now() });
    const local = (now: number) => new OperationJournal(new SetupStateStore(dir), probe(9, 'local', 'here', () => now));
    await expect(local(Date.now()).started({ opId: 'x', kind: 'r', startedAt: Date.now() })).rejects.toMatchObject({ code: 'op.runningElsewhere' });
    await local(Date.now() + OWNER_TRUST_MS + 1).started({ opId: 'y', kind: 'r', startedAt: Date.now() });
    expect(recordsOn(dir).map((r) => r.opId)).toEqual(['new', 'y']);
  });
});
