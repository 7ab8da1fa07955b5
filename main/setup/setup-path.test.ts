import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPath, migratePath, pathOf } from './setup-path';
import { freshSetupState, SetupStateStore } from './state-store';

const ownServer = { host: '203.0.113.10', port: 22, user: 'ubuntu', keyId: 'key-1' };

/** A setup.json as the version before the path wrote it (no `choices.path`). */
function fileWithout(choices: Record<string, unknown>, resources: Record<string, unknown> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-path-'));
  const state = { version: 1, setupId: 'b8a3c1e2-0000-4000-8000-000000000001', currentPage: 'domain', completed: ['domain'], choices, resources };
  writeFileSync(path.join(dir, 'setup.json'), JSON.stringify(state));
  return dir;
}

describe('the setup path', () => {
  it('defaults to the own server only when one is saved and nothing of AWS is', () => {
    expect(defaultPath({ ownServer }, {})).toBe('own-server');
    expect(defaultPath({ ownServer, awsSource: { kind: 'default' } }, {})).toBe('aws');
    expect(defaultPath({ ownServer }, { instanceId: 'i-0123456789abcdef0' })).toBe('aws');
    expect(defaultPath({ ownServer }, { iamAccessKeyItemId: 'item-1' })).toBe('aws');
    expect(defaultPath({}, {})).toBe('aws');
    expect(defaultPath({ domain: 'example.com' }, {})).toBe('aws');
  });

  it('a file written before the path existed reads with its default path, and nothing else changes', async () => {
    const own = await new SetupStateStore(fileWithout({ ownServer, domain: 'example.com' })).get();
    expect(own.choices.path).toBe('own-server');
    expect(own.choices.domain).toBe('example.com');
    expect(own.completed).toEqual(['domain']);
    expect(own.currentPage).toBe('domain');

    const aws = await new SetupStateStore(fileWithout({ ownServer, region: 'ap-northeast-2' }, { elasticIp: '198.51.100.7' })).get();
    expect(aws.choices.path).toBe('aws');
    expect(aws.resources.elasticIp).toBe('198.51.100.7');
  });

  it('a chosen path is kept by the migration, written to the file, and survives a reopen', async () => {
    expect(migratePath({ choices: { ownServer, path: 'aws' }, resources: {} })).toEqual({ choices: { ownServer, path: 'aws' }, resources: {} });
    const dir = fileWithout({ ownServer });
    const store = new SetupStateStore(dir);
    await store.choosePath('aws');
    expect(JSON.parse(readFileSync(path.join(dir, 'setup.json'), 'utf8')).choices.path).toBe('aws');
    expect((await new SetupStateStore(dir).get()).choices.path).toBe('aws');
  });

  it('a fresh setup has no path until one is chosen; pathOf then reads the default', () => {
    const fresh = freshSetupState();
    expect(fresh.choices.path).toBeUndefined();
    expect(pathOf(fresh)).toBe('aws');
    expect(pathOf({ ...fresh, choices: { ownServer } })).toBe('own-server');
    expect(pathOf({ ...fresh, choices: { ownServer, path: 'aws' } })).toBe('aws');
  });

  it('leaves what is not a setup object to the schema', () => {
    expect(migratePath(null)).toBeNull();
    expect(migratePath([1])).toEqual([1]);
    expect(migratePath({ version: 1 })).toEqual({ version: 1 });
  });
});
