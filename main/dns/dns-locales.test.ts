/**
 * The dns namespace: ko and en hold the same keys with the same placeholders;
 * every problem code has a title, an explanation and a fix; every key main
 * sends (phases, progress, step details, error codes) exists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemCode } from '../../common/contract/schemas/dns';

type Json = { [key: string]: string | Json };
const LOCALES = path.resolve(__dirname, '..', '..', 'renderer', 'i18n', 'locales');
const load = (lang: string) => JSON.parse(readFileSync(path.join(LOCALES, lang, 'dns.json'), 'utf8')) as Json;
const flatten = (json: Json, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(json).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)))));
const en = flatten(load('en'));
const ko = flatten(load('ko'));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

/** The values main attaches to problems (main/dns/verdict.ts, check-domain.ts). */
const PROBLEM_VALUES = new Set(['name', 'resolver', 'expected', 'found', 'foundAt', 'records', 'reason', 'failure']);

describe('dns translations', () => {
  it('has the same keys and placeholders in ko and en', () => {
    // Korean has no plural forms: i18next uses only `_other` there, so `_one` may differ in text but must exist in both.
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(placeholders(ko[key] ?? ''), key).toEqual(placeholders(en[key] ?? ''));
  });

  it('explains every problem code with a title, an explanation and a fix, using only values main sends', () => {
    for (const code of problemCode.options) {
      for (const part of ['title', 'explain', 'fix']) {
        const text = en[`problems.${code}.${part}`];
        expect(text, `${code}.${part}`).toBeTruthy();
        for (const name of placeholders(text ?? '')) expect(PROBLEM_VALUES.has(name ?? ''), `${code}.${part} {{${name}}}`).toBe(true);
      }
    }
  });

  it('has every key main sends', () => {
    for (const key of ['phases.nameservers', 'phases.servers', 'progress.server', 'step.noDomain', 'step.noTarget', 'step.pass']) {
      expect(en[key], key).toBeTruthy();
    }
  });

  it('speaks 해요체 in Korean (no 합니다/습니다 endings)', () => {
    for (const [key, text] of Object.entries(ko)) expect(/(니다|십시오)[.!]?(\s|$)/.test(text), `${key}: ${text}`).toBe(false);
  });
});
