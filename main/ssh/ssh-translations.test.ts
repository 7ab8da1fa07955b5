import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Json = { [key: string]: string | Json };
const load = (lang: string): Json =>
  JSON.parse(readFileSync(path.join(__dirname, '../../renderer/i18n/locales', lang, 'ssh.json'), 'utf8')) as Json;

function flatten(json: Json, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(json)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

describe('ssh translations', () => {
  const en = flatten(load('en'));
  const ko = flatten(load('ko'));

  it('has the same keys in English and Korean', () => {
    expect([...ko.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('uses the same {{placeholders}} in both languages', () => {
    for (const [key, text] of en) expect(placeholders(ko.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('really is Korean in the Korean file', () => {
    for (const [key, text] of ko) expect(/[가-힣]/.test(text), key).toBe(true);
  });
});
