import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../composition';
import { invokeChannels, invokes } from '../../common/contract/channels';
import { createHostPlatform } from '../host/host-platform';
import { InMemoryKeychain } from '../vault/memory-keychain';
import { AppError } from '../../common/errors';
import { createRouter } from './router';
import type { Handlers } from '../../common/contract/types';

function services() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-router-'));
  return createServices({ dataDir, keychain: new InMemoryKeychain(), options: { platform: createHostPlatform('test'), log: () => {} } });
}

/** Payloads no channel accepts: wrong types, junk, prototype tricks, oversize. */
const malformed: unknown[] = [
  'a string',
  42,
  [],
  { __proto__: { polluted: true }, unexpected: 'field' },
  { unexpectedField: 1 },
  { url: 'x'.repeat(100_000), page: 7, step: null, language: 'klingon', done: 'yes' },
];

describe('contract router', () => {
  it.each(invokeChannels)('%s answers malformed payloads with a typed error and never throws', async (channel) => {
    const { dispatch } = services();
    for (const payload of malformed) {
      const accepted = invokes[channel].request.safeParse(payload).success;
      if (accepted) continue; // e.g. settings.update accepts {} — but not these
      const result = await dispatch(channel, payload);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('contract.invalidRequest');
        expect(result.error.message).toContain(channel);
      }
    }
  });

  it('every channel rejects at least one of the malformed payloads', () => {
    for (const channel of invokeChannels) {
      const rejected = malformed.filter((p) => !invokes[channel].request.safeParse(p).success);
      expect(rejected.length, channel).toBeGreaterThan(3);
    }
  });

  it('refuses unknown channels', async () => {
    const result = await services().dispatch('vault.dumpEverything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'contract.unknownChannel' } });
    const proto = await services().dispatch('__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'contract.unknownChannel' } });
  });

  it('keeps AppError codes and hides unexpected errors behind contract.internal', async () => {
    const base = services();
    const seen: string[] = [];
    const failing = { 'app.info': () => { throw new AppError('vault.locked', 'locked'); }, 'settings.get': () => { throw new Error('secret-ish detail'); } };
    const handlers = new Proxy({} as Handlers, {
      get: (_t, key: string) => (failing as Record<string, unknown>)[key] ?? (() => base.dispatch(key, {})),
    });
    const dispatch = createRouter(handlers, { onInternalError: (c) => seen.push(c) });
    expect(await dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'vault.locked' } });
    const internal = await dispatch('settings.get', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'contract.internal' } });
    expect(JSON.stringify(internal)).not.toContain('secret-ish');
    expect(seen).toEqual(['settings.get']);
  });

  it('sends an AppError as code, message and params only: its cause stays in main', async () => {
    const base = services();
    const cause = Object.assign(new Error('AKIAIOSFODNN7EXAMPLE rejected'), { secret: 'wJalrXUtnFEMI-cause' });
    const failing = { 'app.info': () => { throw new AppError('server.hostUnresolved', 'Could not resolve example.test.', { host: 'example.test' }, { cause }); } };
    const handlers = new Proxy({} as Handlers, {
      get: (_t, key: string) => (failing as Record<string, unknown>)[key] ?? (() => base.dispatch(key, {})),
    });
    const logged: unknown[] = [];
    const result = await createRouter(handlers, { onCause: (channel, code, why) => logged.push({ channel, code, why }) })('app.info', {});
    expect(logged).toEqual([{ channel: 'app.info', code: 'server.hostUnresolved', why: cause }]);
    expect(result).toEqual({ ok: false, error: { code: 'server.hostUnresolved', message: 'Could not resolve example.test.', params: { host: 'example.test' } } });
    expect(JSON.stringify(result)).not.toMatch(/AKIA|wJalr|cause/);
  });

  it('error details name paths, never echo the rejected values', async () => {
    const result = await services().dispatch('app.openExternal', { url: 'AKIAIOSFODNN7EXAMPLE-not-a-url' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('refuses to open URLs off the allowlist', async () => {
    const { dispatch } = services();
    expect(await dispatch('app.openExternal', { url: 'https://evil.example/' })).toMatchObject({ ok: false, error: { code: 'contract.urlNotAllowed' } });
    expect(await dispatch('app.openExternal', { url: 'http://console.aws.amazon.com/' })).toMatchObject({ ok: false });
    expect(await dispatch('app.openExternal', { url: 'https://console.aws.amazon.com/iam/' })).toMatchObject({ ok: true });
  });
});
