/**
 * SSH public key blobs (RFC 4253 §6.6 wire form) and their fingerprints in
 * the forms OpenSSH prints. A blob starts with a length-prefixed type name.
 */
import { createHash } from 'node:crypto';
import type { ServerHostKeyAlgorithm } from 'ssh2';
import { HOST_KEY_ALGORITHMS } from './ssh-algorithms';

/** `SHA256:<base64 without padding>`, exactly like `ssh-keygen -l -E sha256`. */
export function sha256Fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** `MD5:aa:bb:…`, like `ssh-keygen -l -E md5` (old cloud images print it without `MD5:`). */
export function md5Fingerprint(blob: Buffer): string {
  const hex = createHash('md5').update(blob).digest('hex');
  return `MD5:${hex.match(/../g)?.join(':') ?? hex}`;
}

/** The type name inside a key blob (`ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`), or null if malformed. */
export function keyTypeOf(blob: Buffer): string | null {
  if (blob.length < 4) return null;
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || 4 + length > blob.length) return null;
  const name = blob.subarray(4, 4 + length).toString('latin1');
  return /^[a-z0-9@.-]+$/.test(name) ? name : null;
}

/** Decode `AAAA…` and check that the blob's inner type matches the declared one. */
export function decodeKeyBlob(declaredType: string, base64: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,3}$/.test(base64)) return null;
  const blob = Buffer.from(base64, 'base64');
  return keyTypeOf(blob) === declaredType ? blob : null;
}

/**
 * ssh2 host-key algorithms that yield a key of the given blob type, in ssh2's
 * preference order. RSA keys (blob type `ssh-rsa`) are negotiated as
 * rsa-sha2-512/256 only.
 */
export function algorithmsForKeyType(keyType: string): ServerHostKeyAlgorithm[] {
  switch (keyType) {
    case 'ssh-ed25519':
      return ['ssh-ed25519'];
    case 'ecdsa-sha2-nistp256':
    case 'ecdsa-sha2-nistp384':
    case 'ecdsa-sha2-nistp521':
      return [keyType];
    case 'ssh-rsa':
      return ['rsa-sha2-512', 'rsa-sha2-256']; // never `ssh-rsa` signatures (SHA-1), see ssh-algorithms.ts
    default:
      return [];
  }
}

/**
 * Restrict negotiation to the key types we can verify (like OpenSSH
 * preferring the types already in known_hosts), so the server cannot pick a
 * type we have no reference for. Undefined means "ssh2 defaults".
 */
export function hostKeyAlgorithmsFor(keyTypes: Iterable<string>): ServerHostKeyAlgorithm[] | undefined {
  const wanted = new Set<ServerHostKeyAlgorithm>();
  for (const type of keyTypes) for (const algorithm of algorithmsForKeyType(type)) wanted.add(algorithm);
  const ordered = HOST_KEY_ALGORITHMS.filter((algorithm) => wanted.has(algorithm));
  return ordered.length > 0 ? ordered : undefined;
}
