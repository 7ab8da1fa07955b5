import { z } from 'zod';
import { resolverAddress } from './dns';

export const empty = z.object({}).strict();

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  shell: z.enum(['electron', 'host']),
});

export const openExternalRequest = z.object({ url: z.string().url().max(2048) }).strict();

export const languageSetting = z.enum(['system', 'ko', 'en']);
/** The language the window shows ('system' resolved by the renderer); names of vault items Onramp makes follow it. */
export const uiLanguage = z.enum(['ko', 'en']);
export type UiLanguage = z.infer<typeof uiLanguage>;
export const uiLanguageMessage = z.object({ language: uiLanguage }).strict();
export const settings = z.object({
  language: languageSetting,
  /** Public DNS resolvers the Domain step asks (absent or empty = 8.8.8.8 and 1.1.1.1, or what the composition root was given). */
  dnsResolvers: z.array(resolverAddress).max(8).optional(),
});
export const settingsPatch = settings.partial().strict();
