/**
 * Asks ONE DNS server (node:dns Resolver, `setServers` accepts `host:port`)
 * and turns node's error codes into answers a person can be told about.
 * Each query is bounded by the resolver's timeout and tries; an abort signal
 * cancels whatever is in flight.
 */
import type { CaaRecord } from 'node:dns';
import { Resolver } from 'node:dns/promises';

export type QueryFailure = 'servfail' | 'timeout' | 'refused' | 'unreachable' | 'error';

export type Answer<T> =
  | { kind: 'records'; records: T[]; ttl?: number }
  | { kind: 'nxdomain' }
  | { kind: 'failure'; failure: QueryFailure };

export interface DnsClientOptions {
  /** Per try, ms. */
  timeoutMs: number;
  tries: number;
  signal?: AbortSignal;
}

export class DnsClient {
  private readonly resolver: Resolver;
  private readonly signal: AbortSignal | undefined;

  /** `servers` empty = the system's resolvers (/etc/resolv.conf or the OS settings). */
  constructor(servers: readonly string[], options: DnsClientOptions) {
    this.resolver = new Resolver({ timeout: options.timeoutMs, tries: options.tries });
    if (servers.length) this.resolver.setServers(servers);
    this.signal = options.signal;
    options.signal?.addEventListener('abort', () => this.resolver.cancel(), { once: true });
  }

  a(name: string): Promise<Answer<string>> {
    return this.ask(async () => {
      const records = await this.resolver.resolve4(name, { ttl: true });
      const ttl = records.length ? Math.min(...records.map((r) => r.ttl)) : undefined;
      return { records: records.map((r) => r.address), ttl };
    });
  }

  aaaa(name: string): Promise<Answer<string>> {
    return this.ask(async () => ({ records: await this.resolver.resolve6(name) }));
  }

  caa(name: string): Promise<Answer<CaaRecord>> {
    return this.ask(async () => ({ records: await this.resolver.resolveCaa(name) }));
  }

  ns(name: string): Promise<Answer<string>> {
    return this.ask(async () => ({ records: await this.resolver.resolveNs(name) }));
  }

  private async ask<T>(query: () => Promise<{ records: T[]; ttl?: number | undefined }>): Promise<Answer<T>> {
    this.signal?.throwIfAborted();
    try {
      const { records, ttl } = await query();
      return ttl === undefined ? { kind: 'records', records } : { kind: 'records', records, ttl };
    } catch (error) {
      this.signal?.throwIfAborted();
      return answerForError(error);
    }
  }
}

export function answerForError<T>(error: unknown): Answer<T> {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENODATA':
      return { kind: 'records', records: [] };
    case 'ENOTFOUND':
      return { kind: 'nxdomain' };
    case 'ESERVFAIL':
      return { kind: 'failure', failure: 'servfail' };
    case 'ETIMEOUT':
      return { kind: 'failure', failure: 'timeout' };
    case 'EREFUSED':
      return { kind: 'failure', failure: 'refused' };
    case 'ECONNREFUSED':
      return { kind: 'failure', failure: 'unreachable' };
    default:
      return { kind: 'failure', failure: 'error' };
  }
}
