/**
 * i18next with Korean and English. Each capability keeps its strings in
 * `locales/<lang>/<namespace>.json`; an error code `<namespace>.<key>` is
 * translated from `<namespace>:errors.<key>`. A page's own long texts may sit
 * in `<namespace>-page.json`, added to the namespace when the page's chunk
 * loads (./page-strings.ts), so the first screen does not carry them.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ContractError } from '../../common/contract/result';
import { registerParticles } from './korean-particles';

export const languages = ['ko', 'en'] as const;
export type Language = (typeof languages)[number];

type Json = { [key: string]: string | Json };
// `<namespace>-page.json` holds a page's own strings: they load with that page's chunk (./page-strings.ts), not at start.
const files = import.meta.glob<Json>(['./locales/*/*.json', '!./locales/*/*-page.json'], { eager: true, import: 'default' });

const resources: Record<string, Record<string, Json>> = {};
for (const [file, content] of Object.entries(files)) {
  const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(file);
  if (!match?.[1] || !match[2]) continue;
  (resources[match[1]] ??= {})[match[2]] = content;
}

export function systemLanguage(): Language {
  const preferred = navigator.languages.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ko' || base === 'en') return base;
  }
  return 'en';
}

export function resolveLanguage(setting: 'system' | Language): Language {
  return setting === 'system' ? systemLanguage() : setting;
}

void i18next.use(initReactI18next).init({
  resources,
  lng: systemLanguage(),
  fallbackLng: 'en',
  ns: Object.keys(resources['en'] ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

// `{{value, 을/를}}` and the like: the Korean particle that fits how the value is read (./korean-particles.ts).
registerParticles(i18next);

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18next.language;

/**
 * The translated, user-facing text of a contract error. A code without a text
 * (common/errors/registry.test.ts keeps that from happening) shows a translated
 * generic message, never the raw code.
 */
export function errorText(error: ContractError): string {
  const [namespace, ...rest] = error.code.split('.');
  const key = `${namespace}:errors.${rest.join('.')}`;
  const params = { ...error.params };
  if (rest.length > 0 && i18next.exists(key)) return i18next.t(key, params);
  return i18next.t('common:errors.unknown');
}

export default i18next;
