/**
 * The pass/fail decision, separate from the queries so it can be tested on
 * its own. A row (one resolver, one name) passes when every A answer is the
 * expected address, there is no AAAA (v1 servers have no IPv6, so any AAAA
 * sends Let's Encrypt, which prefers IPv6, somewhere else), and CAA is absent
 * or allows letsencrypt.org. The check passes when the authoritative servers
 * were found and every row passes.
 */
import type { CaaResult, DnsProblem, DnsRow, ProblemCode } from '../../common/contract/schemas/dns';
import type { Answer } from './dns-client';

export function rowProblems(a: Answer<string>, aaaa: Answer<string>, caa: CaaResult, expectedIpv4: string): ProblemCode[] {
  const problems: ProblemCode[] = [];
  if (a.kind === 'nxdomain') problems.push('nxdomain');
  else if (a.kind === 'failure') problems.push(a.failure);
  else if (a.records.length === 0) problems.push('noA');
  else if (a.records.some((ip) => ip !== expectedIpv4)) problems.push('mismatch');
  if (aaaa.kind === 'records' && aaaa.records.length > 0) problems.push('strayAaaa');
  if (caa.state === 'denies') problems.push('caaDeny');
  if (caa.state === 'failure' && a.kind === 'records') problems.push('caaLookupFailed');
  return problems;
}

/** One explanation per problem code, naming where it was first seen and what was found. */
export function summarizeProblems(rows: readonly DnsRow[], expectedIpv4: string): DnsProblem[] {
  const seen = new Map<ProblemCode, DnsProblem>();
  for (const row of rows) {
    for (const code of row.problems) {
      if (seen.has(code)) continue;
      seen.set(code, { code, name: row.name, resolver: row.resolver.label, values: problemValues(code, row, expectedIpv4) });
    }
  }
  return [...seen.values()];
}

function problemValues(code: ProblemCode, row: DnsRow, expectedIpv4: string): Record<string, string | number> {
  const base = { name: row.name, resolver: row.resolver.label, expected: expectedIpv4 };
  switch (code) {
    case 'mismatch':
      return { ...base, found: row.a.join(', ') };
    case 'strayAaaa':
      return { ...base, found: row.aaaa.join(', ') };
    case 'caaDeny':
      return { ...base, foundAt: row.caa.foundAt ?? row.name, records: row.caa.records.join(' | '), reason: row.caa.reason ?? 'otherIssuer' };
    default:
      return base;
  }
}

/** Authoritative rows all pass while some public row has an old or missing answer: it is propagating. */
export function isPropagating(rows: readonly DnsRow[]): boolean {
  const authoritative = rows.filter((r) => r.resolver.kind === 'authoritative');
  const stale: ProblemCode[] = ['mismatch', 'nxdomain', 'noA'];
  return (
    authoritative.length > 0 &&
    authoritative.every((r) => r.problems.length === 0) &&
    rows.some((r) => r.resolver.kind === 'public' && r.problems.some((p) => stale.includes(p)))
  );
}
