/**
 * More than one setup. The fixture (fixtures/setup-v1.json) was written by the
 * single-setup version's SetupStateStore (commit 35e3e7c): it migrates without
 * loss and stays the first setup.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SetupList } from './setup-list';
import { SetupStateStore } from './state-store';

const FIXTURE = path.join(__dirname, 'fixtures', 'setup-v1.json');

function make(dir: string, options: { busy?: boolean } = {}) {
  const store = new SetupStateStore(dir);
  const list = new SetupList(dir, store, {
    busy: async () => options.busy ?? false,
    hasResources: async (file) => {
      const { resources } = await new SetupStateStore(dir, () => undefined, file).get();
      return resources.instanceId !== undefined;
    },
  });
  return { store, list };
}

describe('the list of setups', () => {
  it('migrates the single setup.json of the first version without losing anything', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-setups-'));
    copyFileSync(FIXTURE, path.join(dir, 'setup.json'));
    const written = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { setupId: string; choices: Record<string, unknown> };
    // Everything it held, plus the path the first version did not record (its default, main/setup/setup-path.ts).
    const original = { ...written, choices: { ...written.choices, path: 'aws' } };
    const { store, list } = make(dir);
    const view = await list.load();
    expect(view).toEqual({ active: original.setupId, setups: [{ id: original.setupId, name: '', createdAt: expect.any(Number) }] });
    expect(await store.get()).toEqual(original);
    expect(JSON.parse(readFileSync(path.join(dir, 'setup.json'), 'utf8'))).toEqual(original);
    // A second process (or the next start) finds the same list.
    expect(await make(dir).list.load()).toEqual(view);
  });

  it('creates, renames and switches: each setup keeps its own tag id, choices and resources', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-setups-'));
    copyFileSync(FIXTURE, path.join(dir, 'setup.json'));
    const { store, list } = make(dir);
    const first = (await list.load()).active;
    const created = await list.create('Second site');
    const second = created.active;
    expect(second).not.toBe(first);
    expect(created.setups.map((s) => s.name)).toEqual(['', 'Second site']);
    expect((await store.get()).setupId).toBe(second);
    expect((await store.get()).resources).toEqual({});
    await store.update((s) => ({ ...s, choices: { ...s.choices, domain: 'second.example.com' } }));

    await list.switch(first);
    expect((await store.get()).choices.domain).toBe('blog.example.com');
    expect((await store.get()).resources.instanceId).toBe('i-0123456789abcdef0');
    await list.rename(first, 'Blog');
    await list.switch(second);
    expect((await store.get()).choices.domain).toBe('second.example.com');
    expect((await list.list()).setups.map((s) => s.name)).toEqual(['Blog', 'Second site']);

    // The next start opens the setup that was active.
    const again = make(dir);
    await again.list.load();
    expect((await again.store.get()).setupId).toBe(second);
  });

  it('refuses to delete the active setup, one with AWS resources left, or to switch while work runs; deletes the rest', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-setups-'));
    copyFileSync(FIXTURE, path.join(dir, 'setup.json'));
    const { list } = make(dir);
    const first = (await list.load()).active;
    const second = (await list.create('Empty')).active;
    await expect(list.delete(second)).rejects.toMatchObject({ code: 'setups.deleteActive' });
    await expect(list.delete(first)).rejects.toMatchObject({ code: 'setups.hasResources' });
    await list.switch(first);
    const view = await list.delete(second);
    expect(view.setups.map((s) => s.id)).toEqual([first]);
    expect(existsSync(path.join(dir, `setup-${second}.json`))).toBe(false);

    const busy = make(dir, { busy: true });
    await busy.list.load();
    await expect(busy.list.create('x')).rejects.toMatchObject({ code: 'setups.busy' });
  });

  it('follows another process that switches the active setup', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-setups-'));
    copyFileSync(FIXTURE, path.join(dir, 'setup.json'));
    const here = make(dir);
    const first = (await here.list.load()).active;
    here.list.watch();
    try {
      const other = make(dir);
      await other.list.load();
      const second = (await other.list.create('From the other window')).active;
      await vi.waitFor(async () => expect((await here.store.get()).setupId).toBe(second), { timeout: 2000 });
      await other.list.switch(first);
      await vi.waitFor(async () => expect((await here.store.get()).setupId).toBe(first), { timeout: 2000 });
    } finally {
      here.list.dispose();
    }
  });
});
