import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const LocaleSchema = z.object({
  errors: z.record(z.string(), z.string().min(1)),
  rootWarning: z.string().min(1),
});

function loadLocale(language: string): z.infer<typeof LocaleSchema> {
  const file = join(__dirname, '..', '..', 'renderer', 'i18n', 'locales', language, 'aws.json');
  return LocaleSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

describe.each(['en', 'ko'])('renderer/i18n/locales/%s/aws.json', (language) => {
  const locale = loadLocale(language);

  it('shows the original AWS code in every error text', () => {
    for (const text of Object.values(locale.errors)) expect(text).toContain('{{awsCode}}');
  });

  it('names the profile where the user has to act on it', () => {
    expect(locale.errors.profileNotFound).toContain('{{profile}}');
    expect(locale.errors.ssoLoginRequired).toContain('aws sso login --profile {{profile}}');
  });

  it('has a root warning that points to the IAM step', () => {
    expect(locale.rootWarning).toContain('IAM');
  });
});

describe('ko', () => {
  it('is actually Korean', () => {
    const { errors, rootWarning } = loadLocale('ko');
    for (const text of [...Object.values(errors), rootWarning]) expect(text).toMatch(/[가-힣]/);
  });
});
