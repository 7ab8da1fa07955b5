import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SetupStateStore } from './state-store';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'onramp-setup-'));

describe('setup state store', () => {
  it('starts on the first step and reopens where the user was', async () => {
    const dir = tempDir();
    const first = new SetupStateStore(dir);
    expect((await first.get()).currentPage).toBe('connect-aws');
    await first.goTo('domain');
    await first.markStep('connect-aws', true);
    const reopened = await new SetupStateStore(dir).get();
    expect(reopened.currentPage).toBe('domain');
    expect(reopened.completed).toEqual(['connect-aws']);
    expect(reopened.version).toBe(1);
  });

  it('follows what another process writes: the change reaches onChange within moments, its own writes are not announced twice', async () => {
    const dir = tempDir();
    const seen: string[] = [];
    const app = new SetupStateStore(dir, (state) => seen.push(state.currentPage));
    await app.get();
    await app.watch();
    try {
      await app.goTo('domain');
      const other = new SetupStateStore(dir); // another Onramp on the same data dir
      await other.goTo('done');
      await vi.waitFor(() => expect(seen).toEqual(['domain', 'done']), { timeout: 2000 });
      expect((await app.get()).currentPage).toBe('done');
      await new Promise((resolve) => setTimeout(resolve, 150)); // the watch's echo of both writes
      expect(seen).toEqual(['domain', 'done']);
    } finally {
      app.dispose();
    }
  });

  it('two processes on one data dir never lose an update: each change applies to the file as it is on disk', async () => {
    const dir = tempDir();
    const app = new SetupStateStore(dir);
    const other = new SetupStateStore(dir); // another Onramp on the same data dir
    const setupId = (await app.get()).setupId;
    await app.markStep('connect-aws', true);
    expect((await other.get()).completed).toEqual(['connect-aws']);
    await other.update((s) => ({ ...s, resources: { ...s.resources, instanceId: 'i-0123456789abcdef0' } }));
    await app.markStep('launch-server', true); // app's cached view has no instanceId
    const onDisk = await new SetupStateStore(dir).get();
    expect(onDisk.resources.instanceId).toBe('i-0123456789abcdef0');
    expect(onDisk.completed).toEqual(['connect-aws', 'launch-server']);
    expect(onDisk.setupId).toBe(setupId);
    expect(readdirSync(dir)).toEqual(['setup.json']);
  });

  it('writes atomically with mode 0600 and leaves no temp files', async () => {
    const dir = tempDir();
    const store = new SetupStateStore(dir);
    await Promise.all([store.goTo('https'), store.goTo('done'), store.markStep('domain', true)]);
    expect(readdirSync(dir)).toEqual(['setup.json']);
    expect(statSync(path.join(dir, 'setup.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path.join(dir, 'setup.json'), 'utf8')).completed).toEqual(['domain']);
  });

  it('keeps a corrupt file aside instead of overwriting it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'setup.json'), '{"version": 1, "currentPage": "nowhere"');
    const state = await new SetupStateStore(dir).get();
    expect(state.currentPage).toBe('connect-aws');
    expect(readdirSync(dir).some((f) => f.startsWith('setup.json.corrupt-'))).toBe(true);
  });

  it('never stores fields the schema does not know (no secrets by accident)', async () => {
    const dir = tempDir();
    const store = new SetupStateStore(dir);
    await store.update((s) => ({ ...s, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG' }) as typeof s);
    expect(readFileSync(path.join(dir, 'setup.json'), 'utf8')).not.toContain('wJalrXUtnFEMI');
  });
});
