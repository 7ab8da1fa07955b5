/**
 * Every registered error code, in both languages, through i18next as the
 * renderer translates it (`<namespace>:errors.<key>`): it exists, it is not
 * left untranslated, it uses only params the code carries, and the Korean text
 * is Korean. Every `errors.*` text in the locale files belongs to a code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { errorCodes, errorRegistry, type ErrorCode } from './registry';

type Json = { [key: string]: string | Json };
const LOCALES = path.resolve(__dirname, '..', '..', 'renderer', 'i18n', 'locales');
const languages = ['en', 'ko'] as const;
const namespaces = readdirSync(path.join(LOCALES, 'en')).map((file) => file.replace(/\.json$/, ''));
const load = (lang: string, ns: string) => JSON.parse(readFileSync(path.join(LOCALES, lang, `${ns}.json`), 'utf8')) as Json;
const resources = Object.fromEntries(languages.map((lang) => [lang, Object.fromEntries(namespaces.map((ns) => [ns, load(lang, ns)]))]));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? '');
const split = (code: string) => {
  const [ns = '', ...rest] = code.split('.');
  return { ns, key: rest.join('.') };
};
function raw(lang: string, code: string): string | undefined {
  const { ns, key } = split(code);
  const node = key.split('.').reduce<string | Json | undefined>((at, part) => (typeof at === 'object' ? at[part] : undefined), resources[lang]?.[ns]?.['errors']);
  return typeof node === 'string' ? node : undefined;
}
function sample(code: ErrorCode): Record<string, string | number> {
  return Object.fromEntries(Object.entries(errorRegistry[code].spec).map(([name, kind]) => [name, kind.startsWith('number') ? 7 : `‹${name}›`]));
}

/** Optional params a boundary adds before the error leaves main (their own tests check that). */
const ADDED_ON_THE_WAY: Record<string, RegExp> = {
  // main/vault/import/import-file.ts; main/vault/errors-translated.test.ts checks every import error carries it.
  fileName: /^vault\.(csv\w+|notPrivateKey\w+|unrecognizedFile|keyKdfTooCostly)$/,
};

const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false }, returnNull: false, showSupportNotice: false });

describe('the error registry', () => {
  it('holds the codes of every namespace', () => {
    expect(errorCodes.length).toBeGreaterThan(180);
    for (const code of ['vault.keychainUnavailable', 'ssh.hostKeyMismatch', 'aws.invalidAccessKey', 'ec2.unauthorized', 'server.certbotFailed', 'op.cancelled', 'app.noAnswer']) {
      expect(errorCodes, code).toContain(code);
    }
  });

  it('lets the compiler refuse an unknown code or params the code does not carry', () => {
    const made = [
      new AppError('server.hostUnresolved', 'Could not resolve a.test.', { host: 'a.test' }),
      // @ts-expect-error: not a registered code
      new AppError('server.noSuchCode', 'x'),
      // @ts-expect-error: server.hostUnresolved needs the host
      new AppError('server.hostUnresolved', 'x'),
      // @ts-expect-error: server.noServer carries no params
      new AppError('server.noServer', 'x', { host: 'a.test' }),
      // @ts-expect-error: the line is a number
      new AppError('server.nginxTestFailed', 'x', { message: 'm', file: 'f', line: 'three' }),
    ];
    expect(made.map((error) => error.code)).toEqual(['server.hostUnresolved', 'server.noSuchCode', 'server.hostUnresolved', 'server.noServer', 'server.nginxTestFailed']);
  });

  describe.each(languages)('in %s', (lng) => {
    it.each(errorCodes)('translates %s with the params it carries', (code) => {
      const text = raw(lng, code);
      expect(text, `${lng}/${split(code).ns}.json errors.${split(code).key}`).toBeTruthy();
      const spec = errorRegistry[code].spec;
      for (const name of placeholders(text ?? '')) {
        const allowed = ADDED_ON_THE_WAY[name]?.test(code) ? /^(text|string|number)\??$/ : /^(text|string|number)$/;
        expect(spec[name], `{{${name}}} in ${code} is not a required param`).toMatch(allowed);
      }
      const { ns, key } = split(code);
      const shown = i18n.t(`${ns}:errors.${key}`, { lng, ...sample(code) });
      expect(shown).not.toContain(code);
      expect(shown).not.toMatch(/\{\{|\$t\(|errors\./);
      if (lng === 'ko') expect(shown).toMatch(/[가-힣]/);
      else expect(shown).not.toMatch(/[가-힣]/);
    });
  });

  it.each(languages)('has no error text in %s without a registered code', (lng) => {
    const flatten = (json: Json, prefix: string): string[] =>
      Object.entries(json).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`)));
    const texts = namespaces.flatMap((ns) => {
      const errors = resources[lng]?.[ns]?.['errors'];
      return typeof errors === 'object' ? flatten(errors, `${ns}.`) : [];
    });
    expect(texts.filter((code) => !(errorCodes as string[]).includes(code))).toEqual([]);
  });
});
