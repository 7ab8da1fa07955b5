import { describe, expect, it } from 'vitest';
import type { CaaRecord } from 'node:dns';
import { caaAllowsLetsEncrypt, caaEntry, formatCaa, namesUpTo } from './caa';

const issue = (value: string, critical = 0): CaaRecord => ({ critical, issue: value });
/** node:dns gives an unknown tag as its own key, which its CaaRecord type does not name. */
const unknownTag = (critical: number): CaaRecord => ({ critical, tbs: 'x' }) as CaaRecord;

describe('caaAllowsLetsEncrypt', () => {
  it('allows when there is no issue record', () => {
    expect(caaAllowsLetsEncrypt([])).toEqual({ allows: true });
    expect(caaAllowsLetsEncrypt([{ critical: 0, iodef: 'mailto:a@b.c' }])).toEqual({ allows: true });
  });

  it('ignores issuewild for a plain certificate', () => {
    expect(caaAllowsLetsEncrypt([{ critical: 0, issuewild: 'sectigo.com' }])).toEqual({ allows: true });
    expect(caaAllowsLetsEncrypt([{ critical: 0, issuewild: 'letsencrypt.org' }, issue('sectigo.com')])).toMatchObject({ allows: false, reason: 'otherIssuer' });
  });

  it('allows letsencrypt.org among other issuers, in any case, with parameters', () => {
    expect(caaAllowsLetsEncrypt([issue('sectigo.com'), issue('LetsEncrypt.org')])).toEqual({ allows: true });
    expect(caaAllowsLetsEncrypt([issue('letsencrypt.org; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1')])).toEqual({ allows: true });
  });

  it('denies another issuer only, and an empty issuer (";")', () => {
    expect(caaAllowsLetsEncrypt([issue('sectigo.com')])).toEqual({ allows: false, reason: 'otherIssuer', issuers: ['sectigo.com'] });
    expect(caaAllowsLetsEncrypt([issue(';')])).toEqual({ allows: false, reason: 'otherIssuer', issuers: [';'] });
  });

  it('denies when validationmethods leaves out http-01', () => {
    expect(caaAllowsLetsEncrypt([issue('letsencrypt.org; validationmethods=dns-01')])).toMatchObject({ allows: false, reason: 'noHttp01' });
    expect(caaAllowsLetsEncrypt([issue('letsencrypt.org; validationmethods=dns-01,http-01')])).toEqual({ allows: true });
  });

  it('denies on a critical record with a tag it does not know, but not a non-critical one', () => {
    expect(caaAllowsLetsEncrypt([unknownTag(128), issue('letsencrypt.org')])).toEqual({ allows: false, reason: 'criticalUnknown', issuers: ['tbs'] });
    expect(caaAllowsLetsEncrypt([unknownTag(0), issue('letsencrypt.org')])).toEqual({ allows: true });
    expect(caaAllowsLetsEncrypt([issue('letsencrypt.org', 128)])).toEqual({ allows: true });
  });

  it('prints records as dig does', () => {
    expect(formatCaa(issue('sectigo.com'))).toBe('0 issue "sectigo.com"');
  });
});

describe('namesUpTo', () => {
  it('walks to the TLD, or stops at the zone apex', () => {
    expect(namesUpTo('www.shop.example.com')).toEqual(['www.shop.example.com', 'shop.example.com', 'example.com', 'com']);
    expect(namesUpTo('www.shop.example.com', 'example.com')).toEqual(['www.shop.example.com', 'shop.example.com', 'example.com']);
  });
});

describe('caaEntry', () => {
  it('reads the tag from the record shape of every Node (Node 24 adds type: "CAA")', () => {
    const node24 = { critical: 0, type: 'CAA', issue: 'sectigo.com' } as CaaRecord;
    expect(caaEntry(node24)).toEqual({ critical: false, tag: 'issue', value: 'sectigo.com' });
    expect(caaEntry({ critical: 128, issue: 'letsencrypt.org' })).toEqual({ critical: true, tag: 'issue', value: 'letsencrypt.org' });
  });
});
