import { describe, expect, it } from 'vitest';
import type { DnsReport } from '../../../common/contract/schemas/dns';
import { reportAnswers } from './report-answers';

const report: DnsReport = {
  domain: 'example.com',
  unicodeDomain: 'example.com',
  names: ['example.com'],
  expectedIpv4: '203.0.113.10',
  checkedAt: 0,
  pass: true,
  propagating: false,
  nameservers: [],
  rows: [{ resolver: { kind: 'public', label: '8.8.8.8', address: '8.8.8.8' }, name: 'example.com', a: [], aaaa: [], caa: { state: 'none', records: [] }, problems: [] }],
  problems: [],
};

describe('reportAnswers', () => {
  it('accepts the report of the same input, and refuses one for an older input', () => {
    const input = { domain: 'Example.com', www: false, expectedIpv4: '203.0.113.10', resolvers: ['8.8.8.8'] };
    expect(reportAnswers(report, input)).toBe(true);
    expect(reportAnswers(report, { ...input, domain: 'other.com' })).toBe(false);
    expect(reportAnswers(report, { ...input, www: true })).toBe(false);
    expect(reportAnswers(report, { ...input, expectedIpv4: '203.0.113.11' })).toBe(false);
    expect(reportAnswers(report, { ...input, resolvers: ['1.1.1.1'] })).toBe(false);
  });
});
