import { describe, expect, it } from 'vitest';
import { domainToASCII, domainToUnicode } from 'node:url';
import { toUnicodeDomain } from './punycode';

describe('toUnicodeDomain', () => {
  it.each(['한글도메인.한국', '가비아.com', 'www.테스트.kr', 'bücher.example', 'example.com'])('decodes %s as Node does', (name) => {
    const ascii = domainToASCII(name);
    expect(toUnicodeDomain(ascii)).toBe(domainToUnicode(ascii));
    expect(toUnicodeDomain(ascii)).toBe(name);
  });

  it('keeps a label that is not valid punycode', () => {
    expect(toUnicodeDomain('xn--!!.com')).toBe('xn--!!.com');
    expect(toUnicodeDomain('xn--zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz.com')).toMatch(/\.com$/);
  });
});
