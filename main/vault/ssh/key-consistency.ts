/**
 * A private key whose parts do not belong together is refused, as OpenSSH
 * refuses it: the public key stored in clear must be the one the private part
 * yields. Checks here recompute the public half from the private numbers
 * instead of trusting a public field carried next to them.
 */
import { createECDH, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type sshpk from 'sshpk';
import { vaultError } from '../errors';

const mismatch = () => vaultError('keyMalformed', 'The private key could not be read (the public and private parts do not belong together).');

function part(key: sshpk.PrivateKey, name: string): Buffer {
  const data = key.parts.find((p) => p.name === name)?.data;
  if (!data) throw vaultError('keyMalformed', `The private key could not be read (its ${name} part is missing).`);
  return data;
}

const bigint = (data: Buffer): bigint => (data.length === 0 ? 0n : BigInt(`0x${data.toString('hex')}`));

/** sshpk writes Ed25519 PKCS#8 that OpenSSL rejects, so that one is built from the seed here. */
function ed25519PrivateKey(key: sshpk.PrivateKey): KeyObject {
  const seed = part(key, 'k').subarray(-32);
  const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
  return createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
}

const CURVES: Record<string, string> = { nistp256: 'prime256v1', nistp384: 'secp384r1', nistp521: 'secp521r1' };

function ecdsaConsistent(key: sshpk.PrivateKey): boolean {
  const curve = CURVES[part(key, 'curve').toString('latin1')];
  if (!curve) return false;
  const ecdh = createECDH(curve);
  ecdh.setPrivateKey(part(key, 'd'));
  return ecdh.getPublicKey().equals(part(key, 'Q'));
}

function rsaConsistent(key: sshpk.PrivateKey): boolean {
  const [n, e, d, p, q] = ['n', 'e', 'd', 'p', 'q'].map((name) => bigint(part(key, name))) as [bigint, bigint, bigint, bigint, bigint];
  if (p <= 1n || q <= 1n || p * q !== n) return false;
  const m = 2n ** 64n + 13n; // any message: (m^e)^d must give m back mod p and mod q
  const pow = (base: bigint, exponent: bigint, modulus: bigint): bigint => {
    let result = 1n;
    let b = base % modulus;
    for (let x = exponent; x > 0n; x >>= 1n) {
      if (x & 1n) result = (result * b) % modulus;
      b = (b * b) % modulus;
    }
    return result;
  };
  return pow(pow(m, e, p), d % (p - 1n), p) === m % p && pow(pow(m, e, q), d % (q - 1n), q) === m % q;
}

/** Throws `vault.keyMalformed` unless the key's public half is the one its private half yields. */
export function assertKeyConsistent(key: sshpk.PrivateKey, storedPublicBlob?: Buffer): void {
  if (storedPublicBlob && !storedPublicBlob.equals(key.toPublic().toBuffer('rfc4253'))) throw mismatch();
  if (key.type === 'ed25519') {
    const derived = createPublicKey(ed25519PrivateKey(key)).export({ type: 'spki', format: 'der' });
    const stored = createPublicKey(key.toPublic().toString('pkcs8')).export({ type: 'spki', format: 'der' });
    if (!derived.equals(stored)) throw mismatch();
  } else if (key.type === 'ecdsa') {
    if (!ecdsaConsistent(key)) throw mismatch();
  } else if (key.type === 'rsa') {
    if (!rsaConsistent(key)) throw mismatch();
  }
}
