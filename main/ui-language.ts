/**
 * The language the window shows, as the renderer resolved it (the setting may
 * be "system", which only the renderer can read from the browser). Main names
 * what it makes for the user, such as vault items, in this language at the
 * moment it makes them; a name is never translated afterwards (the user may
 * have renamed it).
 */
import type { UiLanguage } from '../common/contract/schemas/app';

export class UiLanguageMirror {
  private language: UiLanguage = 'en';

  get(): UiLanguage {
    return this.language;
  }

  set(language: UiLanguage): UiLanguage {
    this.language = language;
    return language;
  }
}

/** Names of the vault items Onramp makes, in both languages. Account ids and user names are kept as they are. */
export const vaultItemNames = {
  en: {
    consoleLogin: (userName: string, accountId: string) => `AWS console: ${userName} (${accountId})`,
    userAccessKey: (userName: string, accountId: string) => `AWS ${userName} (${accountId})`,
    pastedAccessKey: (lastFour: string) => `Access key ${lastFour}`,
    appSettings: (domain: string) => `App settings: ${domain}`,
    deployKey: (repository: string) => `Deploy key: ${repository}`,
  },
  ko: {
    consoleLogin: (userName: string, accountId: string) => `AWS 콘솔: ${userName} (${accountId})`,
    userAccessKey: (userName: string, accountId: string) => `AWS ${userName} (${accountId})`,
    pastedAccessKey: (lastFour: string) => `액세스 키 ${lastFour}`,
    appSettings: (domain: string) => `앱 설정: ${domain}`,
    deployKey: (repository: string) => `배포 키: ${repository}`,
  },
} satisfies Record<UiLanguage, Record<string, (...values: string[]) => string>>;

export function itemNamesIn(language: UiLanguage | undefined): (typeof vaultItemNames)['en'] {
  return vaultItemNames[language ?? 'en'];
}
