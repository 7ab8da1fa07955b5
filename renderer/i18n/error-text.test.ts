/** errorText shows a translated message for every contract error, and never a raw code. */
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Module = typeof import('./index');
let i18n: Module['default'];
let errorText: Module['errorText'];

beforeAll(async () => {
  vi.stubGlobal('document', { documentElement: { lang: '' } });
  ({ default: i18n, errorText } = await import('./index'));
});

describe.each(['en', 'ko'])('errorText in %s', (lng) => {
  beforeAll(async () => {
    await i18n.changeLanguage(lng);
  });

  it('translates a registered code with its params', () => {
    const text = errorText({ code: 'server.hostUnresolved', message: 'Could not resolve example.test.', params: { host: 'example.test' } });
    expect(text).toContain('example.test');
    expect(text).not.toContain('server.hostUnresolved');
    expect(text).not.toContain('{{');
  });

  it.each(['server.noSuchThing', 'nowhere.atAll', 'bare', '', 'common.', 'server.errors.noServer'])('shows a translated generic message for %j, not the code', (code) => {
    const text = errorText({ code, message: 'English fallback for the log' });
    expect(text).toBe(i18n.t('common:errors.unknown'));
    expect(text.length).toBeGreaterThan(10);
    if (code) expect(text).not.toContain(code);
    expect(text).not.toContain('English fallback');
    expect(/[가-힣]/.test(text)).toBe(lng === 'ko');
  });
});
