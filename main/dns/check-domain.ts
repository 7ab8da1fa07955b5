/**
 * The live DNS check of the Domain step, also the HTTPS step's DNS preflight:
 *
 *   checkDomain({ domain, www, expectedIpv4 }, environment, { signal, onProgress })
 *
 * 1. find the authoritative nameservers by walking up the name (through
 *    `environment.nsLookupServers`, [] = the system resolver) and ask them
 *    directly (on `environment.nameserverPort`, 53 in production);
 * 2. ask each public resolver (8.8.8.8 and 1.1.1.1 by default);
 * 3. for each server and name (the domain, and www when chosen): A, AAAA and
 *    the CAA set that applies (walking up to the zone apex on an authoritative
 *    server, up to the TLD on a public resolver; RFC 8659).
 * Every query is bounded (timeoutMs × tries); servers are asked in parallel.
 */
import { domainToUnicode } from 'node:url';
import { AppError } from '../../common/errors';
import { parseDomain } from '../../common/dns/domain-name';
import { serverNames } from '../journey/derive';
import type { CaaResult, DnsReport, DnsRow } from '../../common/contract/schemas/dns';
import { caaAllowsLetsEncrypt, formatCaa, namesUpTo } from './caa';
import { DnsClient } from './dns-client';
import { findNameservers, serverAddress, type NameserverSearch } from './nameservers';
import { isPropagating, rowProblems, summarizeProblems } from './verdict';

export const DEFAULT_PUBLIC_RESOLVERS = ['8.8.8.8', '1.1.1.1'];

export interface DnsEnvironment {
  publicResolvers: readonly string[];
  /** Where the NS walk asks; [] = the system resolver. */
  nsLookupServers: readonly string[];
  nameserverPort: number;
  timeoutMs: number;
  tries: number;
}

export const defaultDnsEnvironment: DnsEnvironment = {
  publicResolvers: DEFAULT_PUBLIC_RESOLVERS,
  nsLookupServers: [],
  nameserverPort: 53,
  timeoutMs: 2000,
  tries: 2,
};

export interface DomainToCheck {
  domain: string;
  www: boolean;
  expectedIpv4: string;
}

export interface CheckProgress {
  /** `nameservers` while the NS walk runs, then `servers` with one tick per server answered. */
  phase: 'nameservers' | 'servers';
  done: number;
  total: number;
  server?: string;
}

export interface CheckHooks {
  signal?: AbortSignal;
  onProgress?: (progress: CheckProgress) => void;
}

interface Target {
  kind: 'authoritative' | 'public';
  label: string;
  address: string;
}

export async function checkDomain(input: DomainToCheck, environment: DnsEnvironment, hooks: CheckHooks = {}): Promise<DnsReport> {
  const parsed = parseDomain(input.domain);
  if (!parsed.ok) throw new AppError('dns.invalidDomain', 'not a valid domain name', { problem: parsed.problem });
  const domain = parsed.ascii;
  const names = serverNames(domain, input.www);
  const clientOptions = { timeoutMs: environment.timeoutMs, tries: environment.tries, signal: hooks.signal };

  hooks.onProgress?.({ phase: 'nameservers', done: 0, total: 1 });
  const search = await findNameservers(domain, new DnsClient(environment.nsLookupServers, clientOptions));
  const targets = [...authoritativeTargets(search, environment.nameserverPort), ...environment.publicResolvers.map((address): Target => ({ kind: 'public', label: address, address }))];

  let done = 0;
  hooks.onProgress?.({ phase: 'servers', done, total: targets.length });
  const perTarget = await Promise.all(
    targets.map(async (target) => {
      const client = new DnsClient([target.address], clientOptions);
      const stopAt = target.kind === 'authoritative' && search.kind === 'found' ? search.zone : undefined;
      const rows = await Promise.all(names.map((name) => checkName(client, target, name, input.expectedIpv4, stopAt)));
      hooks.onProgress?.({ phase: 'servers', done: ++done, total: targets.length, server: target.label });
      return rows;
    }),
  );
  const rows = perTarget.flat();
  let problems = summarizeProblems(rows, input.expectedIpv4);
  // An undelegated domain is the cause of the resolvers' NXDOMAIN: one problem with one advice, not two that disagree.
  if (search.kind === 'notDelegated') problems = [{ code: 'notDelegated', name: domain, values: { name: domain } }, ...problems.filter((p) => p.code !== 'nxdomain')];
  if (search.kind === 'failed') problems.unshift({ code: 'nsLookupFailed', name: search.at, values: { name: search.at, failure: search.failure } });
  const ttls = rows.map((r) => r.aTtl).filter((t): t is number => t !== undefined);
  const report: DnsReport = {
    domain,
    unicodeDomain: domainToUnicode(domain) || domain,
    names,
    expectedIpv4: input.expectedIpv4,
    checkedAt: Date.now(),
    pass: search.kind === 'found' && rows.length > 0 && problems.length === 0,
    propagating: isPropagating(rows),
    nameservers: search.kind === 'found' ? search.nameservers : [],
    rows,
    problems,
  };
  if (search.kind === 'found') report.zone = search.zone;
  if (ttls.length) report.maxTtl = Math.max(...ttls);
  return report;
}

function authoritativeTargets(search: NameserverSearch, port: number): Target[] {
  if (search.kind !== 'found') return [];
  return search.nameservers.flatMap((ns) => {
    const ip = ns.addresses[0];
    return ip ? [{ kind: 'authoritative' as const, label: ns.name, address: serverAddress(ip, port) }] : [];
  });
}

async function checkName(client: DnsClient, target: Target, name: string, expectedIpv4: string, stopAt: string | undefined): Promise<DnsRow> {
  const [a, aaaa, caa] = await Promise.all([client.a(name), client.aaaa(name), relevantCaa(client, name, stopAt)]);
  const row: DnsRow = {
    resolver: target,
    name,
    a: a.kind === 'records' ? a.records : [],
    aaaa: aaaa.kind === 'records' ? aaaa.records : [],
    caa,
    problems: rowProblems(a, aaaa, caa, expectedIpv4),
  };
  if (a.kind === 'records' && a.ttl !== undefined) row.aTtl = a.ttl;
  return row;
}

/**
 * The first non-empty CAA set from the name up (RFC 8659 §3). A parent that
 * does not exist or that this server refuses (an authoritative server asked
 * above its zone) ends nothing: it simply has no CAA here.
 */
async function relevantCaa(client: DnsClient, name: string, stopAt: string | undefined): Promise<CaaResult> {
  for (const [index, candidate] of namesUpTo(name, stopAt).entries()) {
    const answer = await client.caa(candidate);
    if (answer.kind === 'failure') {
      if (index > 0 && answer.failure === 'refused') break;
      return { state: 'failure', records: [], failure: answer.failure };
    }
    if (answer.kind === 'records' && answer.records.length > 0) {
      const decision = caaAllowsLetsEncrypt(answer.records);
      const records = answer.records.map(formatCaa);
      return decision.allows ? { state: 'allows', foundAt: candidate, records } : { state: 'denies', foundAt: candidate, records, reason: decision.reason };
    }
  }
  return { state: 'none', records: [] };
}
