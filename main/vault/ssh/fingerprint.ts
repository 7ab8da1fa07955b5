/** Public key blob (RFC 4253 wire form) -> the strings OpenSSH prints. */
import { createHash } from 'node:crypto';
import { SshReader } from './wire';

/** `SHA256:<base64 without padding>`, the form of `ssh-keygen -l` and the EC2 console. */
export function fingerprintOf(publicBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicBlob).digest('base64').replace(/=+$/, '')}`;
}

/** `ssh-ed25519 AAAA…`: the authorized_keys / ImportKeyPair form, without a comment. */
export function publicKeyLineOf(publicBlob: Buffer): string {
  const algorithm = new SshReader(publicBlob).readText();
  return `${algorithm} ${publicBlob.toString('base64')}`;
}
