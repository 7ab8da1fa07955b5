/** Vault error texts: the keychain reasons, the same placeholders in both languages, and import errors that carry every param their text uses. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../common/errors';
import { errorCodes } from '../../common/errors/registry';
import { KEYCHAIN_FAILURE_REASONS } from './errors';
import { parseImportFile } from './import/import-file';

const LOCALES = path.resolve(__dirname, '..', '..', 'renderer', 'i18n', 'locales');
type Texts = { errors: Record<string, string>; keychainReasons: Record<string, string> };
const load = (lang: string) => JSON.parse(readFileSync(path.join(LOCALES, lang, 'vault.json'), 'utf8')) as Texts;
const en = load('en');
const ko = load('ko');

/** The vault's registered codes (every one translated: common/errors/registry.test.ts). */
const thrownKeys = new Set(errorCodes.filter((code) => code.startsWith('vault.')).map((code) => code.slice('vault.'.length)));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

describe('vault error translations', () => {
  it('knows the vault codes', () => {
    expect(thrownKeys.size).toBeGreaterThan(30);
    expect(thrownKeys).toContain('keychainUnavailable');
    expect(thrownKeys).toContain('ppkEncryptedV3Unsupported');
  });

  it('en and ko have exactly the registered codes, and the same keys', () => {
    expect(Object.keys(en.errors).sort()).toEqual([...thrownKeys].sort());
    expect(Object.keys(ko.errors).sort()).toEqual(Object.keys(en.errors).sort());
    expect(Object.keys(en.keychainReasons).sort()).toEqual([...KEYCHAIN_FAILURE_REASONS].sort());
    expect(Object.keys(ko.keychainReasons).sort()).toEqual(Object.keys(en.keychainReasons).sort());
  });

  it.each([...thrownKeys].sort())('%s: same placeholders in both languages', (key) => {
    expect(placeholders(ko.errors[key] ?? '')).toEqual(placeholders(en.errors[key] ?? ''));
  });

  it('renders through i18next with nothing left unresolved (keychain reasons nested)', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { vault: en }, ko: { vault: ko } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
    for (const lng of ['en', 'ko']) {
      for (const reason of KEYCHAIN_FAILURE_REASONS) {
        const text = i18n.t('vault:errors.keychainUnavailable', { lng, reason });
        expect(text).toContain(lng === 'en' ? en.keychainReasons[reason] : ko.keychainReasons[reason]);
      }
      for (const key of thrownKeys) {
        const params = Object.fromEntries(placeholders(en.errors[key] ?? '').map((name) => [name, name === 'reason' ? 'locked' : `<${name}>`]));
        const text = i18n.t(`vault:errors.${key}`, { lng, ...params });
        expect(text).not.toMatch(/\{\{|\$t\(|^vault:/);
      }
    }
  });

  it('import errors carry every param their text uses', () => {
    const dirs = ['csv', 'keys'].map((d) => path.join(__dirname, 'import', 'fixtures', d));
    let checked = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        for (const passphrase of [undefined, 'wrong']) {
          try {
            parseImportFile(readFileSync(path.join(dir, name)), name, { passphrase });
          } catch (error) {
            if (!isAppError(error)) throw error;
            const key = error.code.replace(/^vault\./, '');
            for (const name of placeholders(en.errors[key] ?? '')) expect(error.params, `${error.code}`).toHaveProperty(name ?? '');
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
