/**
 * SSH host keys that cloud-init prints to the EC2 serial console
 * (tools/write-ssh-key-fingerprints, piped through `logger --stderr -t ec2`):
 *
 *   -----BEGIN SSH HOST KEY FINGERPRINTS-----
 *   256 SHA256:<base64> root@ip-172-31-5-6 (ED25519)      one `ssh-keygen -l` line per key
 *   -----END SSH HOST KEY FINGERPRINTS-----
 *   -----BEGIN SSH HOST KEY KEYS-----
 *   ssh-ed25519 AAAA… root@ip-172-31-5-6                  one public key line per key
 *   -----END SSH HOST KEY KEYS-----
 *
 * Lines may carry `ec2: `, `<14>Nov 27 04:00:00 ec2: `, `[   12.345678] ` or
 * `cloud-init[1234]: ` prefixes. Old images print MD5 (`2048 f1:40:…:54 … (RSA)`),
 * which is recognised but never trusted automatically.
 */
import { GetConsoleOutputCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { decodeKeyBlob, keyTypeOf, sha256Fingerprint } from './host-key-format';
import { sshError } from './ssh-errors';

export interface ConsoleFingerprint {
  readonly bits: number;
  readonly algorithm: 'SHA256' | 'MD5';
  /** As OpenSSH prints it now: `SHA256:<base64>` or `MD5:aa:bb:…`. */
  readonly fingerprint: string;
  /** The parenthesised type: ED25519, RSA, ECDSA, DSA. */
  readonly keyType: string;
  readonly comment: string;
}

export interface ConsoleKey {
  /** Type name as in the key: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256. */
  readonly keyType: string;
  readonly key: Buffer;
  readonly comment: string;
}

export interface ConsoleHostKeys {
  readonly fingerprints: readonly ConsoleFingerprint[];
  readonly keys: readonly ConsoleKey[];
}

const FP_BEGIN = '-----BEGIN SSH HOST KEY FINGERPRINTS-----';
const FP_END = '-----END SSH HOST KEY FINGERPRINTS-----';
const KEYS_BEGIN = '-----BEGIN SSH HOST KEY KEYS-----';
const KEYS_END = '-----END SSH HOST KEY KEYS-----';

const PREFIXES: readonly RegExp[] = [
  /^<\d{1,3}>/, // syslog priority
  /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d /, // syslog timestamp
  /^\[\s*\d+\.\d+\]\s*/, // kernel time
  /^(?:ec2|cloud-init)(?:\[\d+\])?: ?/, // logger tag
];

/** Remove the console/syslog prefixes in front of one line. */
export function stripConsolePrefix(line: string): string {
  let rest = line.replace(/\r$/, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of PREFIXES) {
      const stripped = rest.replace(prefix, '');
      if (stripped !== rest) {
        rest = stripped;
        changed = true;
      }
    }
  }
  return rest;
}

const FINGERPRINT_LINE =
  /^(\d{3,5})\s+(SHA256:[A-Za-z0-9+/]{43}|(?:MD5:)?[0-9a-f]{2}(?::[0-9a-f]{2}){15})\s+(.*?)\s*\(([A-Z0-9]+)\)\s*$/;
const KEY_LINE = /^((?:ssh|ecdsa|sk)-[a-z0-9@.-]+)\s+(AAAA[A-Za-z0-9+/]+={0,3})(?:\s+(.*))?$/;

/**
 * The host keys in console output text (already base64-decoded). Uses the
 * LAST complete block of each kind (the newest boot). Null when neither block
 * is complete yet.
 */
export function parseConsoleHostKeys(text: string): ConsoleHostKeys | null {
  const lines = text.split('\n').map(stripConsolePrefix);
  const fingerprintBlock = lastBlock(lines, FP_BEGIN, FP_END);
  const keyBlock = lastBlock(lines, KEYS_BEGIN, KEYS_END);
  if (!fingerprintBlock && !keyBlock) return null;
  return {
    fingerprints: (fingerprintBlock ?? []).flatMap((line) => parseFingerprintLine(line) ?? []),
    keys: (keyBlock ?? []).flatMap((line) => parseKeyLine(line) ?? []),
  };
}

function lastBlock(lines: readonly string[], begin: string, end: string): string[] | null {
  let found: string[] | null = null;
  let current: string[] | null = null;
  for (const line of lines) {
    if (line.includes(begin)) current = [];
    else if (line.includes(end)) {
      if (current) found = current;
      current = null;
    } else current?.push(line);
  }
  return found;
}

function parseFingerprintLine(line: string): ConsoleFingerprint | null {
  const match = FINGERPRINT_LINE.exec(line.trim());
  if (!match) return null;
  const [, bits = '', printed = '', comment = '', keyType = ''] = match;
  const sha256 = printed.startsWith('SHA256:');
  return {
    bits: Number(bits),
    algorithm: sha256 ? 'SHA256' : 'MD5',
    fingerprint: sha256 || printed.startsWith('MD5:') ? printed : `MD5:${printed}`,
    keyType,
    comment,
  };
}

function parseKeyLine(line: string): ConsoleKey | null {
  const match = KEY_LINE.exec(line.trim());
  if (!match) return null;
  const [, keyType = '', base64 = '', comment = ''] = match;
  const key = decodeKeyBlob(keyType, base64);
  return key ? { keyType, key, comment } : null;
}

export type ConsoleMatch =
  /** The presented key is byte-identical to one in the KEYS block. */
  | { readonly kind: 'key' }
  /** No KEYS block entry, but a SHA256 fingerprint matches. */
  | { readonly kind: 'fingerprint' }
  /** The console lists keys, none of them this one: do not connect. */
  | { readonly kind: 'mismatch'; readonly listed: readonly string[] }
  /** Only MD5 fingerprints: too weak to trust without the user. */
  | { readonly kind: 'md5Only' }
  /** Blocks present but empty (every type blacklisted). */
  | { readonly kind: 'empty' };

export function matchConsoleHostKeys(console: ConsoleHostKeys, presented: Buffer): ConsoleMatch {
  if (console.keys.some((entry) => entry.key.equals(presented))) return { kind: 'key' };
  const fingerprint = sha256Fingerprint(presented);
  const sha256 = console.fingerprints.filter((entry) => entry.algorithm === 'SHA256');
  if (sha256.some((entry) => entry.fingerprint === fingerprint)) return { kind: 'fingerprint' };
  const listed = [...console.keys.map((entry) => sha256Fingerprint(entry.key)), ...sha256.map((entry) => entry.fingerprint)];
  if (listed.length > 0) return { kind: 'mismatch', listed: [...new Set(listed)] };
  return console.fingerprints.length > 0 ? { kind: 'md5Only' } : { kind: 'empty' };
}

/** Key types (blob names) the console vouches for, to restrict host-key negotiation to them. */
export function consoleKeyTypes(console: ConsoleHostKeys): string[] {
  const types = new Set<string>();
  for (const entry of console.keys) types.add(keyTypeOf(entry.key) ?? entry.keyType);
  for (const entry of console.fingerprints) {
    if (entry.algorithm !== 'SHA256') continue;
    if (entry.keyType === 'ED25519') types.add('ssh-ed25519');
    else if (entry.keyType === 'RSA') types.add('ssh-rsa');
    else if (entry.keyType === 'ECDSA') types.add(`ecdsa-sha2-nistp${entry.bits}`);
  }
  return [...types];
}

/** Errors meaning "this instance cannot do Latest=true" (Xen, not Nitro); then we ask without it. */
const LATEST_UNSUPPORTED = new Set(['UnsupportedOperation', 'InvalidParameterCombination', 'InvalidParameterValue']);

/**
 * GetConsoleOutput (Latest=true, falling back to the buffered output on
 * instance types that cannot do Latest), decoded and parsed. Null while the
 * console has no host key block yet (first minutes after boot).
 */
export async function fetchConsoleHostKeys(ec2: EC2Client, instanceId: string): Promise<ConsoleHostKeys | null> {
  let output: string | undefined;
  try {
    output = (await ec2.send(new GetConsoleOutputCommand({ InstanceId: instanceId, Latest: true }))).Output;
  } catch (error) {
    if (!LATEST_UNSUPPORTED.has(awsErrorName(error))) throw consoleError(error, instanceId);
    try {
      output = (await ec2.send(new GetConsoleOutputCommand({ InstanceId: instanceId }))).Output;
    } catch (retryError) {
      throw consoleError(retryError, instanceId);
    }
  }
  if (!output) return null;
  return parseConsoleHostKeys(Buffer.from(output, 'base64').toString('utf8'));
}

function awsErrorName(error: unknown): string {
  return error instanceof Error ? error.name : 'UnknownError';
}

function consoleError(error: unknown, instanceId: string) {
  const awsCode = awsErrorName(error);
  return sshError('ssh.consoleOutputFailed', `GetConsoleOutput failed for ${instanceId}: ${awsCode}`, { instanceId, awsCode });
}
