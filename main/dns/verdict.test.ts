import { describe, expect, it } from 'vitest';
import type { CaaResult, DnsRow } from '../../common/contract/schemas/dns';
import { isPropagating, rowProblems, summarizeProblems } from './verdict';

const none: CaaResult = { state: 'none', records: [] };
const ip = '203.0.113.10';
const records = (...values: string[]) => ({ kind: 'records' as const, records: values });

describe('rowProblems', () => {
  it('passes an A of the expected IP with no AAAA and no CAA', () => {
    expect(rowProblems(records(ip), records(), none, ip)).toEqual([]);
  });
  it('flags a second A pointing elsewhere (round robin with an old server)', () => {
    expect(rowProblems(records(ip, '198.51.100.7'), records(), none, ip)).toEqual(['mismatch']);
  });
  it('flags each kind of failure', () => {
    expect(rowProblems({ kind: 'nxdomain' }, { kind: 'nxdomain' }, none, ip)).toEqual(['nxdomain']);
    expect(rowProblems(records(), records(), none, ip)).toEqual(['noA']);
    expect(rowProblems({ kind: 'failure', failure: 'servfail' }, records(), none, ip)).toEqual(['servfail']);
    expect(rowProblems(records(ip), records('2001:db8::1'), { state: 'denies', records: [] }, ip)).toEqual(['strayAaaa', 'caaDeny']);
    expect(rowProblems(records(ip), records(), { state: 'failure', records: [], failure: 'timeout' }, ip)).toEqual(['caaLookupFailed']);
  });
});

const row = (kind: 'authoritative' | 'public', problems: DnsRow['problems'], a: string[] = [ip]): DnsRow => ({
  resolver: { kind, label: kind === 'public' ? '8.8.8.8' : 'ns1.gabia.co.kr', address: kind === 'public' ? '8.8.8.8' : '1.2.3.4' },
  name: 'example.com',
  a,
  aaaa: [],
  caa: none,
  problems,
});

describe('summaries', () => {
  it('says "propagating" when the authoritative servers are right and a public resolver is not yet', () => {
    expect(isPropagating([row('authoritative', []), row('public', ['mismatch'], ['198.51.100.7'])])).toBe(true);
    expect(isPropagating([row('authoritative', ['mismatch']), row('public', ['mismatch'])])).toBe(false);
    expect(isPropagating([row('authoritative', []), row('public', ['strayAaaa'])])).toBe(false);
  });
  it('lists each problem once with what was found', () => {
    const problems = summarizeProblems([row('authoritative', []), row('public', ['mismatch'], ['198.51.100.7']), row('public', ['mismatch'], ['198.51.100.8'])], ip);
    expect(problems).toEqual([{ code: 'mismatch', name: 'example.com', resolver: '8.8.8.8', values: { name: 'example.com', resolver: '8.8.8.8', expected: ip, found: '198.51.100.7' } }]);
  });
});
