import { describe, expect, it } from 'vitest';
import { itemNamesIn, UiLanguageMirror } from './ui-language';

describe('names of vault items Onramp makes', () => {
  it('follow the language the window shows at the moment they are made', () => {
    const ui = new UiLanguageMirror();
    expect(itemNamesIn(ui.get()).consoleLogin('onramp', '123456789012')).toBe('AWS console: onramp (123456789012)');
    ui.set('ko');
    expect(itemNamesIn(ui.get()).consoleLogin('onramp', '123456789012')).toBe('AWS 콘솔: onramp (123456789012)');
    expect(itemNamesIn(ui.get()).pastedAccessKey('MPLE')).toBe('액세스 키 MPLE');
  });

  it('every name exists in both languages', () => {
    expect(Object.keys(itemNamesIn('ko')).sort()).toEqual(Object.keys(itemNamesIn('en')).sort());
  });
});
