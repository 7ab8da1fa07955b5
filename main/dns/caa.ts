/**
 * CAA (RFC 8659) as Let's Encrypt reads it, for a certificate that names the
 * domain (and www), never a wildcard.
 *
 * The relevant record set is the first non-empty one found walking up from
 * the name towards the root (`findRelevantCaa`). In that set:
 * - a record with the critical flag (128) and a tag the CA does not know
 *   forbids issuance;
 * - `issuewild` only concerns wildcard certificates, so it is ignored here;
 * - no `issue` record at all: every CA may issue;
 * - otherwise issuance needs an `issue` whose issuer domain is
 *   letsencrypt.org, and whose `validationmethods` (if any) include http-01,
 *   the method certbot --nginx uses.
 */
import type { CaaRecord } from 'node:dns';

export const LETS_ENCRYPT_ISSUER = 'letsencrypt.org';

/** Tags Let's Encrypt understands; a critical record with any other tag blocks issuance. */
const KNOWN_TAGS = new Set(['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone']);

export type CaaDecision =
  | { allows: true }
  | { allows: false; reason: 'otherIssuer' | 'criticalUnknown' | 'noHttp01'; issuers: string[] };

export function caaAllowsLetsEncrypt(records: readonly CaaRecord[]): CaaDecision {
  const entries = records.map(caaEntry);
  const criticalUnknown = entries.find((e) => e.critical && !KNOWN_TAGS.has(e.tag));
  if (criticalUnknown) return { allows: false, reason: 'criticalUnknown', issuers: [criticalUnknown.tag] };
  const issue = entries.filter((e) => e.tag === 'issue');
  if (issue.length === 0) return { allows: true };
  const issuers = issue.map((e) => issuerOf(e.value).domain).map((d) => d || ';');
  const ours = issue.map((e) => issuerOf(e.value)).filter((p) => p.domain === LETS_ENCRYPT_ISSUER);
  if (ours.length === 0) return { allows: false, reason: 'otherIssuer', issuers };
  const http01 = ours.some((p) => {
    const methods = p.params.get('validationmethods');
    return methods === undefined || methods.split(',').map((m) => m.trim()).includes('http-01');
  });
  return http01 ? { allows: true } : { allows: false, reason: 'noHttp01', issuers };
}

interface CaaEntry {
  critical: boolean;
  tag: string;
  value: string;
}

/**
 * node:dns gives `{ critical, <tag>: value }`, and Node 24 adds `type: 'CAA'`;
 * the tag is the one key besides those two.
 */
const NOT_A_TAG = new Set(['critical', 'type']);

export function caaEntry(record: CaaRecord): CaaEntry {
  const critical = (record.critical & 128) !== 0;
  for (const [tag, value] of Object.entries(record)) {
    if (!NOT_A_TAG.has(tag) && typeof value === 'string') return { critical, tag: tag.toLowerCase(), value };
  }
  return { critical, tag: '', value: '' };
}

/** `0 issue "letsencrypt.org"`, the way zone files and dig show it. */
export function formatCaa(record: CaaRecord): string {
  const entry = caaEntry(record);
  return `${record.critical} ${entry.tag} "${entry.value}"`;
}

/** `letsencrypt.org; accounturi=…; validationmethods=http-01` → domain and parameters (RFC 8659 §4.2). */
function issuerOf(value: string): { domain: string; params: Map<string, string> } {
  const [domainPart = '', ...paramParts] = value.split(';');
  const params = new Map<string, string>();
  for (const part of paramParts) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return { domain: domainPart.trim().toLowerCase().replace(/\.$/, ''), params };
}

/** The names to look at, from the name itself up to (not including) the root: a.b.c → a.b.c, b.c, c. */
export function namesUpTo(name: string, stopAt?: string): string[] {
  const labels = name.split('.');
  const names: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const candidate = labels.slice(i).join('.');
    names.push(candidate);
    if (stopAt !== undefined && candidate === stopAt) break;
  }
  return names;
}
