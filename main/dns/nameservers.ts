/**
 * Finds the authoritative nameservers of a name by walking up it: the NS set
 * of the name, else of its parent, and so on (never a single-label TLD: if only
 * the TLD has one, the domain is not delegated, i.e. not registered or its
 * nameservers are not set). The NS hostnames are then resolved to addresses,
 * so the check can ask those servers directly, past every cache.
 *
 * `lookup` is the resolver used for the walk: the system's in production, a
 * loopback server in tests.
 */
import type { QueryFailureCode } from '../../common/contract/schemas/dns';
import type { DnsClient } from './dns-client';

export const MAX_NAMESERVERS = 4;

export interface Nameserver {
  name: string;
  addresses: string[];
}

export type NameserverSearch =
  | { kind: 'found'; zone: string; nameservers: Nameserver[] }
  | { kind: 'notDelegated' }
  | { kind: 'failed'; at: string; failure: QueryFailureCode };

export async function findNameservers(name: string, lookup: DnsClient): Promise<NameserverSearch> {
  const labels = name.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = labels.slice(i).join('.');
    const answer = await lookup.ns(candidate);
    if (answer.kind === 'failure') return { kind: 'failed', at: candidate, failure: answer.failure };
    if (answer.kind === 'records' && answer.records.length > 0) {
      const names = [...new Set(answer.records.map((n) => n.toLowerCase().replace(/\.$/, '')))].sort().slice(0, MAX_NAMESERVERS);
      const nameservers = await Promise.all(
        names.map(async (ns) => {
          const addresses = await lookup.a(ns);
          return { name: ns, addresses: addresses.kind === 'records' ? addresses.records.slice(0, 8) : [] };
        }),
      );
      return { kind: 'found', zone: candidate, nameservers };
    }
  }
  return { kind: 'notDelegated' };
}

/** `host:port` for node:dns `setServers` (IPv6 in brackets). Port 53 stays implicit. */
export function serverAddress(ip: string, port: number): string {
  if (port === 53) return ip;
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}
