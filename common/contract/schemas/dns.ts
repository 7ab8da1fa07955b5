/**
 * The Domain step's contract (issue 13 item 1): the domain and its target
 * address in, a DNS report out (one row per resolver and name, a pass/fail
 * verdict and the problems found, each explained by the renderer from
 * `dns:problems.<code>`).
 */
import { z } from 'zod';
import { isIpv4, isResolverAddress, parseDomain } from '../../dns/domain-name';

export const domainName = z
  .string()
  .max(1024)
  .refine((value) => parseDomain(value).ok, { message: 'not a valid domain name' });
export const ipv4 = z.string().max(15).refine(isIpv4, { message: 'not an IPv4 address' });
export const resolverAddress = z.string().max(64).refine(isResolverAddress, { message: 'not a DNS server address' });
export const resolverList = z.array(resolverAddress).min(1).max(8);

/** Stores the domain (as punycode), the www toggle and, when no Elastic IP or own server gives one, the typed-in target address. */
export const saveDomainRequest = z
  .object({ domain: domainName, www: z.boolean(), targetIp: ipv4.optional() })
  .strict();

export const dnsCheckInput = z
  .object({
    domain: domainName,
    www: z.boolean(),
    expectedIpv4: ipv4,
    /** Public resolvers to ask; absent = the configured list. */
    resolvers: resolverList.optional(),
  })
  .strict();
export type DnsCheckInput = z.infer<typeof dnsCheckInput>;

export const queryFailure = z.enum(['servfail', 'timeout', 'refused', 'unreachable', 'error']);
export type QueryFailureCode = z.infer<typeof queryFailure>;

export const problemCode = z.enum([
  'notDelegated',
  'nsLookupFailed',
  'nxdomain',
  'noA',
  'mismatch',
  'strayAaaa',
  'caaDeny',
  'caaLookupFailed',
  'servfail',
  'timeout',
  'refused',
  'unreachable',
  'error',
]);
export type ProblemCode = z.infer<typeof problemCode>;

export const caaResult = z.object({
  state: z.enum(['none', 'allows', 'denies', 'failure']),
  /** The name whose CAA set applies (the name itself or a parent, RFC 8659). */
  foundAt: z.string().max(253).optional(),
  /** `0 issue "letsencrypt.org"` as dig shows them. */
  records: z.array(z.string().max(600)).max(32),
  reason: z.enum(['otherIssuer', 'criticalUnknown', 'noHttp01']).optional(),
  failure: queryFailure.optional(),
});
export type CaaResult = z.infer<typeof caaResult>;

export const dnsRow = z.object({
  resolver: z.object({
    kind: z.enum(['authoritative', 'public']),
    /** `ns1.gabia.co.kr` for an authoritative server, the address for a public one. */
    label: z.string().max(253),
    address: z.string().max(64),
  }),
  name: z.string().max(253),
  a: z.array(z.string().max(64)).max(64),
  aTtl: z.number().int().nonnegative().optional(),
  aaaa: z.array(z.string().max(64)).max(64),
  caa: caaResult,
  problems: z.array(problemCode).max(16),
});
export type DnsRow = z.infer<typeof dnsRow>;

export const dnsProblem = z.object({
  code: problemCode,
  name: z.string().max(253).optional(),
  resolver: z.string().max(253).optional(),
  /** Values for the explanation (found addresses, issuers, the CAA name…). */
  values: z.record(z.string(), z.union([z.string().max(1024), z.number()])).optional(),
});
export type DnsProblem = z.infer<typeof dnsProblem>;

export const dnsReport = z.object({
  domain: z.string().max(253),
  unicodeDomain: z.string().max(1024),
  names: z.array(z.string().max(253)).max(2),
  expectedIpv4: z.string().max(15),
  checkedAt: z.number(),
  pass: z.boolean(),
  /** Every authoritative server answers right, some public resolver still has an old answer: wait for the TTL. */
  propagating: z.boolean(),
  /** The longest A TTL seen (s): how long a resolver may keep an old answer. */
  maxTtl: z.number().int().nonnegative().optional(),
  zone: z.string().max(253).optional(),
  nameservers: z.array(z.object({ name: z.string().max(253), addresses: z.array(z.string().max(64)).max(8) })).max(16),
  rows: z.array(dnsRow).max(64),
  problems: z.array(dnsProblem).max(64),
});
export type DnsReport = z.infer<typeof dnsReport>;

export const dnsSettings = z.object({
  resolvers: z.array(z.string().max(64)).max(8),
  /** The resolvers came from settings (the user's list) rather than the defaults. */
  custom: z.boolean(),
});
