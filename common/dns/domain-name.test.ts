import { describe, expect, it } from 'vitest';
import { domainToASCII } from 'node:url';
import { isIdn, isIpv4, isResolverAddress, parseDomain } from './domain-name';

describe('parseDomain', () => {
  it('accepts an ASCII name, lowercased, without the trailing dot', () => {
    expect(parseDomain(' Example.COM. ')).toEqual({ ok: true, ascii: 'example.com' });
  });

  it('accepts a Korean name and gives the punycode Node itself computes', () => {
    const parsed = parseDomain('한글도메인.한국');
    expect(parsed).toEqual({ ok: true, ascii: domainToASCII('한글도메인.한국') });
    expect(parsed.ok && parsed.ascii.startsWith('xn--')).toBe(true);
    expect(parsed.ok && isIdn(parsed.ascii)).toBe(true);
    expect(isIdn('example.com')).toBe(false);
  });

  it('accepts a Korean label under an ASCII TLD', () => {
    expect(parseDomain('가비아.com')).toEqual({ ok: true, ascii: domainToASCII('가비아.com') });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://example.com', 'url'],
    ['example.com/path', 'url'],
    ['user@example.com', 'url'],
    ['exa mple.com', 'url'],
    ['203.0.113.10', 'ip'],
    ['localhost', 'singleLabel'],
    ['a..b.com', 'labelLength'],
    [`${'a'.repeat(64)}.com`, 'labelLength'],
    [`${'a.'.repeat(127)}com`, 'tooLong'],
    ['-bad.com', 'ldh'],
    ['bad-.com', 'ldh'],
    ['under_score.com', 'ldh'],
    ['example.123', 'numericTld'],
    ['x'.repeat(2000), 'tooLong'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(parseDomain(input)).toEqual({ ok: false, problem });
  });

  it('accepts a label of exactly 63 characters and a name of exactly 253', () => {
    expect(parseDomain(`${'a'.repeat(63)}.com`).ok).toBe(true);
    const name = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(name.length).toBe(253);
    expect(parseDomain(name)).toEqual({ ok: true, ascii: name });
  });

  it('refuses a Korean label whose punycode is longer than 63', () => {
    const label = Array.from({ length: 30 }, (_, i) => String.fromCharCode(0xac00 + i * 397)).join('');
    expect(parseDomain(`${label}.com`)).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('addresses', () => {
  it('knows an IPv4 address', () => {
    expect(isIpv4('203.0.113.10')).toBe(true);
    expect(isIpv4('256.0.0.1')).toBe(false);
    expect(isIpv4('1.2.3')).toBe(false);
    expect(isIpv4('01.2.3.4')).toBe(false);
  });

  it('knows a resolver address with or without a port', () => {
    for (const ok of ['8.8.8.8', '127.0.0.1:5353', '2001:4860:4860::8888', '[::1]:53']) expect(isResolverAddress(ok)).toBe(true);
    for (const bad of ['dns.google', '8.8.8.8:0', '8.8.8.8:70000', '1.1.1', '[::1]:', 'x'.repeat(80)]) expect(isResolverAddress(bad)).toBe(false);
  });
});
