import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Json = { [key: string]: string | Json };
const load = (language: string): Json =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'renderer', 'i18n', 'locales', language, 'iam.json'), 'utf8')) as Json;
const keysOf = (json: Json, prefix = ''): string[] =>
  Object.entries(json).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));
const textsOf = (json: Json): string[] => Object.values(json).flatMap((value) => (typeof value === 'string' ? [value] : textsOf(value)));

describe('renderer/i18n/locales/*/iam.json', () => {
  const en = load('en');
  const ko = load('ko');

  it('has the same keys in Korean and English', () => {
    expect(keysOf(ko).sort()).toEqual(keysOf(en).sort());
  });

  it('keeps the AWS code in every iam.* error AWS gave one for', () => {
    const errors = en['errors'] as Json;
    for (const key of ['accessDenied', 'limitExceeded', 'passwordPolicyViolation', 'invalidAuthenticationCode']) {
      expect(errors[key]).toContain('{{awsCode}}');
      expect((ko['errors'] as Json)[key]).toContain('{{awsCode}}');
    }
    expect(errors['accessDenied']).toContain('{{action}}');
  });

  it('is Korean in 해요체, with the agreed terms', () => {
    for (const text of textsOf(ko)) {
      expect(text).not.toMatch(/암호문|합니다|습니다/);
    }
    expect(textsOf(ko).filter((text) => /[가-힣]/.test(text)).length).toBeGreaterThan(80);
  });
});
