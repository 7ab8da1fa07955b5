import { z } from 'zod';

export const empty = z.object({}).strict();

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  shell: z.enum(['electron', 'host']),
});

export const openExternalRequest = z.object({ url: z.string().url().max(2048) }).strict();

export const languageSetting = z.enum(['system', 'ko', 'en']);
export const settings = z.object({
  language: languageSetting,
});
export const settingsPatch = settings.partial().strict();
