/**
 * What Onramp offers in the SSH handshake, pinned host or not (ssh2's defaults
 * would also offer these, and a server could pick them):
 * - host-key signatures: no `ssh-rsa` (RSA with SHA-1); RSA host keys are
 *   verified with rsa-sha2-512/256 (RFC 8332), next to Ed25519 and ECDSA;
 * - MACs: no `hmac-sha1*`, only HMAC-SHA2 (the AEAD ciphers need none);
 * - compression: none (ssh2 would offer `zlib`, which starts before
 *   authentication, and `zlib@openssh.com`; a terminal gains little from it);
 * - key exchange and ciphers: ssh2's defaults, which hold no SHA-1 exchange and no CBC.
 * A server that offers only what is left out is refused during the handshake
 * (`ssh.noCommonAlgorithm`).
 */
import type { Algorithms, CompressionAlgorithm, MacAlgorithm, ServerHostKeyAlgorithm } from 'ssh2';

export const HOST_KEY_ALGORITHMS: readonly ServerHostKeyAlgorithm[] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
];

export const MAC_ALGORITHMS: readonly MacAlgorithm[] = ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512'];

export const COMPRESSION_ALGORITHMS: readonly CompressionAlgorithm[] = ['none'];

/** ssh2 `algorithms` for a connection; `serverHostKey` narrows the host-key list (to pinned or console-listed types). */
export function sshAlgorithms(serverHostKey?: readonly ServerHostKeyAlgorithm[]): Algorithms {
  const hostKeys = (serverHostKey ?? HOST_KEY_ALGORITHMS).filter((algorithm) => HOST_KEY_ALGORITHMS.includes(algorithm));
  return { serverHostKey: hostKeys.length > 0 ? hostKeys : [...HOST_KEY_ALGORITHMS], hmac: [...MAC_ALGORITHMS], compress: [...COMPRESSION_ALGORITHMS] };
}
