/**
 * Every `server:` message key and phase that main/server and the two steps
 * can produce exists in both locales, and ko and en have the same keys (Korean
 * in 해요체). Error codes are checked by common/errors/registry.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Json = { [key: string]: string | Json };
const root = path.resolve(__dirname, '..', '..');
const load = (lang: string) => JSON.parse(readFileSync(path.join(root, 'renderer/i18n/locales', lang, 'server.json'), 'utf8')) as Json;

function keys(json: Json, prefix = ''): string[] {
  return Object.entries(json).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
}

function sources(): string {
  const dirs = ['main/server', 'main/server/steps'];
  return dirs
    .flatMap((dir) => readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => path.join(root, dir, f)))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

describe('server locales', () => {
  const en = keys(load('en'));
  const ko = keys(load('ko'));

  it('ko and en have the same keys', () => {
    expect([...ko].sort()).toEqual([...en].sort());
  });

  it('every message key and phase used in main exists', () => {
    const text = sources();
    const messageKeys = [...text.matchAll(/'server:([A-Za-z0-9.]+)'/g)].map((m) => m[1] ?? '');
    const phaseIds = [...text.matchAll(/phase\('([A-Za-z0-9]+)'\)/g)].map((m) => `phases.${m[1] ?? ''}`);
    const used = [...new Set([...messageKeys, ...phaseIds])];
    expect(used.length).toBeGreaterThan(60);
    expect(used.filter((key) => !en.includes(key))).toEqual([]);
  });

  it('Korean sentences use 해요체, and passphrase wording never appears as 암호문', () => {
    const json = JSON.stringify(load('ko'));
    expect(json).not.toMatch(/합니다|습니다|암호문/);
    expect(json).toMatch(/[가-힣]/);
  });
});
