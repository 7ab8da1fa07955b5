/** The engine's strings exist in both languages, with the same keys (its error codes: common/errors/registry.test.ts). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Json = { [key: string]: string | Json };
const load = (lang: string, ns: string) => JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'renderer', 'i18n', 'locales', lang, `${ns}.json`), 'utf8')) as Json;
const keys = (json: Json, prefix = ''): string[] =>
  Object.entries(json).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
const at = (json: Json, dotted: string): string | Json | undefined => dotted.split('.').reduce<string | Json | undefined>((node, key) => (typeof node === 'object' ? node[key] : undefined), json);

describe.each(['op', 'setup'])('%s.json', (ns) => {
  it('has the same keys in Korean and English', () => {
    expect(keys(load('ko', ns)).sort()).toEqual(keys(load('en', ns)).sort());
  });
});

describe('engine codes and keys', () => {
  it.each(['ko', 'en'])('are translated in %s', (lang) => {
    const wanted = [
      'op:phases.starting', 'op:phases.interrupted',
      'aws:check.noSource', 'aws:check.noRegion', 'aws:check.signedIn', 'aws:phases.verifying', 'aws:phases.verified',
      'ssh:check.noServer', 'ssh:check.hostKeyNotConfirmed', 'ssh:check.commandFailed', 'ssh:check.reached',
    ];
    for (const ref of wanted) {
      const [ns = '', key = ''] = ref.split(':');
      expect(typeof at(load(lang, ns), key), ref).toBe('string');
    }
  });

  it('speaks Korean in 해요체', () => {
    for (const ns of ['op', 'setup']) for (const key of keys(load('ko', ns))) {
      const text = at(load('ko', ns), key);
      expect(typeof text === 'string' && /(니다|습니까)[.…]?$/.test(text.trim()), `${ns}:${key}`).toBe(false);
    }
  });
});
