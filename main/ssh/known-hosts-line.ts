/**
 * One line of an OpenSSH known_hosts file (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"):
 *   [@marker] hostpatterns keytype base64-key [comment]
 * hostpatterns: comma-separated names, `[host]:port` for non-22 ports,
 * `*`/`?` wildcards, `!` negation, or one hashed `|1|salt|hmac` entry.
 */
import { createHmac } from 'node:crypto';
import { decodeKeyBlob } from './host-key-format';

export interface KnownHostsEntry {
  readonly marker: '@cert-authority' | '@revoked' | null;
  readonly patterns: readonly string[];
  readonly keyType: string;
  readonly keyBase64: string;
  readonly key: Buffer;
}

/** The name OpenSSH writes for a host: `host` on port 22, else `[host]:port`. */
export function hostPattern(host: string, port: number): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

/** Null for blank lines, comments and lines we cannot read (they are kept verbatim on rewrite). */
export function parseKnownHostsLine(line: string): KnownHostsEntry | null {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  const fields = trimmed.split(/\s+/);
  let marker: KnownHostsEntry['marker'] = null;
  if (fields[0] === '@cert-authority' || fields[0] === '@revoked') marker = fields.shift() === '@revoked' ? '@revoked' : '@cert-authority';
  else if (fields[0]?.startsWith('@')) return null;
  const [patternField, keyType, keyBase64] = fields;
  if (!patternField || !keyType || !keyBase64) return null;
  const key = decodeKeyBlob(keyType, keyBase64);
  if (!key) return null;
  return { marker, patterns: patternField.split(','), keyType, keyBase64, key };
}

export function formatKnownHostsLine(pattern: string, keyType: string, keyBase64: string): string {
  return `${pattern} ${keyType} ${keyBase64}`;
}

/** Does this entry apply to host:port? A matching `!pattern` excludes the host. */
export function entryMatchesHost(entry: KnownHostsEntry, host: string, port: number): boolean {
  const name = hostPattern(host, port);
  let matched = false;
  for (const pattern of entry.patterns) {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    if (!patternMatches(body, name)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** Exact (case-insensitive), wildcard or hashed match of one pattern against `host`/`[host]:port`. */
export function patternMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith('|1|')) return hashedMatches(pattern, name);
  const lower = pattern.toLowerCase();
  if (!/[*?]/.test(lower)) return lower === name;
  const regex = new RegExp(`^${lower.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return regex.test(name);
}

/** `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`, as written by HashKnownHosts. */
function hashedMatches(pattern: string, name: string): boolean {
  const [, , salt, hash] = pattern.split('|');
  if (!salt || !hash) return false;
  const digest = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
  return digest === hash;
}

/** True if `pattern` names exactly this host (plain or hashed), i.e. a pin forgetHost may remove. */
export function patternNamesHost(pattern: string, host: string, port: number): boolean {
  const name = hostPattern(host, port);
  return pattern.startsWith('|1|') ? hashedMatches(pattern, name) : pattern.toLowerCase() === name;
}
