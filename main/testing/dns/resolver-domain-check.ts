/**
 * A small DomainCheck over node:dns with chosen servers, for tests and the
 * HTTPS bench that drive the server capability directly (without the app's
 * DnsService), pointed at pebble-challtestsrv on loopback: A must be the
 * server's IPv4, no AAAA, CAA absent or allowing letsencrypt.org.
 */
import { Resolver } from 'node:dns/promises';
import type { MessageRef } from '../../../common/contract/schemas/operations';
import type { DomainCheck } from '../../server/domain-check';

interface DnsFailure {
  code?: string;
}

const ABSENT = new Set(['ENODATA', 'ENOTFOUND', 'NOTFOUND', 'ENOTIMP', 'EREFUSED', 'ESERVFAIL', 'EBADRESP', 'NOTIMP']);

async function answers<T>(query: () => Promise<T[]>): Promise<{ values: T[]; code?: string }> {
  try {
    return { values: await query() };
  } catch (error) {
    return { values: [], code: (error as DnsFailure).code ?? 'ERROR' };
  }
}

/** `servers`: `host` or `host:port` entries, as node:dns's setServers takes them. */
export function resolverDomainCheck(servers: string[], timeoutMs = 3000): DomainCheck {
  return async ({ domain, expectedIpv4 }) => {
    const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
    if (servers.length > 0) resolver.setServers(servers);
    const reasons: MessageRef[] = [];
    const a = await answers(() => resolver.resolve4(domain));
    if (a.code === 'ENOTFOUND' || a.code === 'NOTFOUND') reasons.push({ key: 'server:dns.notFound', values: { domain } });
    else if (a.values.length === 0) reasons.push({ key: 'server:dns.noA', values: { domain, expected: expectedIpv4 } });
    else if (a.values.some((ip) => ip !== expectedIpv4)) {
      reasons.push({ key: 'server:dns.aMismatch', values: { domain, found: a.values.join(', '), expected: expectedIpv4 } });
    }
    const aaaa = await answers(() => resolver.resolve6(domain));
    if (aaaa.values.length > 0) reasons.push({ key: 'server:dns.strayAaaa', values: { domain, found: aaaa.values.join(', ') } });
    const caa = await answers(() => resolver.resolveCaa(domain));
    const issuers = caa.values.filter((record) => record.issue !== undefined || record.issuewild !== undefined).map((record) => String(record.issue ?? record.issuewild));
    if (issuers.length > 0 && !issuers.some((issuer) => issuer.split(';')[0]?.trim() === 'letsencrypt.org')) {
      reasons.push({ key: 'server:dns.caaBlocks', values: { domain, found: issuers.join(', ') } });
    }
    if (a.code && !ABSENT.has(a.code)) reasons.push({ key: 'server:dns.unreachable', values: { domain, code: a.code } });
    return { pass: reasons.length === 0, reasons };
  };
}
