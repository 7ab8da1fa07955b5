/**
 * Strings that load with the pages that show them: `locales/<lang>/app-page.json`
 * is merged into the `app` namespace when a page importing this module loads
 * (the App page and Done's app summary), in both languages at once, so a
 * language switch needs nothing more. The first screen's bundle stays small.
 */
import i18next from 'i18next';

type Json = { [key: string]: string | Json };
const files = import.meta.glob<Json>('./locales/*/app-page.json', { eager: true, import: 'default' });

function addAll(): void {
  for (const [file, content] of Object.entries(files)) {
    const language = /\.\/locales\/(\w+)\/app-page\.json$/.exec(file)?.[1];
    if (language) i18next.addResourceBundle(language, 'app', content, true, false);
  }
}

// The app's instance is initialised at start (./index.ts) before any page chunk loads; the event covers the rest.
if (i18next.isInitialized) addAll();
else i18next.on('initialized', addAll);
