/**
 * App settings through the vault's contract (the real router, which parses
 * every response): the renderer sees an item's names and which are secret,
 * never a value, in vault.list and vault.changed; copy and export refuse it
 * with a translated error; delete works like any item.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, errorOf, type Harness } from '../testing/vault/contract-harness';

const VALUES = { API_TOKEN: 'tok_live_5ee4a7b1c2d3-never-on-screen', DATABASE_URL: 'postgres://u:Pa55w0rd-xyz@db/app', DEBUG: 'false' };

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function withSettings(): Promise<{ h: Harness; id: string }> {
  harness = await createHarness();
  await harness.ok('vault.initKeychain', {});
  const meta = { label: 'My app', setupId: 'setup-7', names: Object.keys(VALUES).sort(), secretNames: ['API_TOKEN', 'DATABASE_URL'] };
  const item = await harness.vault.add('app-settings', { values: VALUES }, meta);
  return { h: harness, id: item.id };
}

const expectNoValue = (h: Harness) => {
  const all = h.outgoing.join('\n');
  for (const value of [VALUES.API_TOKEN, VALUES.DATABASE_URL, 'Pa55w0rd-xyz']) expect(all).not.toContain(value);
};

describe('app-settings through the vault contract', () => {
  it('vault.list and vault.changed carry the names and secret names, never a value', async () => {
    const { h, id } = await withSettings();
    const { items } = await h.ok('vault.list', {});
    expect(items).toEqual([
      {
        kind: 'app-settings',
        id,
        label: 'My app',
        setupId: 'setup-7',
        names: ['API_TOKEN', 'DATABASE_URL', 'DEBUG'],
        secretNames: ['API_TOKEN', 'DATABASE_URL'],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ]);
    await h.vault.replaceSecret(id, 'app-settings', { values: { ...VALUES, DEBUG: 'true' } });
    const changed = h.events.filter((e) => e.event === 'vault.changed').at(-1)?.payload as { items: { names?: string[] }[] };
    expect(changed.items[0]?.names).toEqual(['API_TOKEN', 'DATABASE_URL', 'DEBUG']);
    expect(h.outgoing.length).toBeGreaterThan(2);
    expectNoValue(h);
  });

  it('copySecret and export refuse app settings (vault.settingsStayInVault)', async () => {
    const { h, id } = await withSettings();
    expect(errorOf(await h.call('vault.copySecret', { id }))).toMatchObject({ code: 'vault.settingsStayInVault' });
    expect(errorOf(await h.call('vault.export', { id }))).toMatchObject({ code: 'vault.settingsStayInVault' });
    expect(errorOf(await h.call('vault.export', { id, format: 'csv' }))).toMatchObject({ code: 'vault.settingsStayInVault' });
    expectNoValue(h);
  });

  it('rename keeps the names; remove deletes the item', async () => {
    const { h, id } = await withSettings();
    expect((await h.ok('vault.rename', { id, label: 'Blog settings' })).item).toMatchObject({ label: 'Blog settings', names: ['API_TOKEN', 'DATABASE_URL', 'DEBUG'] });
    await h.ok('vault.remove', { id });
    expect((await h.ok('vault.list', {})).items).toEqual([]);
  });
});
