import type { HandlersFor } from '../common/contract/types';
import { AppError } from '../common/errors';
import type { Platform } from './platform';
import type { UiLanguageMirror } from './ui-language';
import { isAllowedExternalUrl } from './security/external-links';

export function appHandlers(platform: Platform, ui: UiLanguageMirror): HandlersFor<'app'> {
  return {
    'app.info': () => ({ name: 'Onramp', version: platform.version, platform: process.platform, shell: platform.shell }),
    'app.openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new AppError('contract.urlNotAllowed', 'That address is not on the allowlist', { url: url.slice(0, 200) });
      await platform.openLink(url);
      return { opened: true };
    },
    'app.uiLanguage': ({ language }) => ({ language: ui.set(language) }),
  };
}
