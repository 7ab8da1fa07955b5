/**
 * The vault's cryptography: AES-256-GCM with a fresh random 12-byte nonce for
 * every encryption, and scrypt for passphrase mode. Nothing here logs or
 * throws anything that contains key material or plaintext.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** One encrypted value as stored in the file: base64 nonce and base64 ciphertext||tag. */
export interface Sealed {
  nonce: string;
  data: string;
}

/** Thrown when authentication fails: wrong key, or the value or its AAD was altered. */
export class DecryptionFailed extends Error {
  constructor() {
    super('decryption failed (wrong key or altered data)');
    this.name = 'DecryptionFailed';
  }
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce: nonce.toString('base64'), data: data.toString('base64') };
}

export function unseal(key: Buffer, sealed: Sealed, aad: string): Buffer {
  const nonce = Buffer.from(sealed.nonce, 'base64');
  const data = Buffer.from(sealed.data, 'base64');
  if (nonce.length !== NONCE_BYTES || data.length < TAG_BYTES) throw new DecryptionFailed();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionFailed();
  }
}

export function newMasterKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's floor for scrypt; about 100 ms on one core of the 2-core test machine. */
export const SCRYPT_DEFAULTS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
export const SCRYPT_LIMITS = { minN: 2 ** 15, maxN: 2 ** 20, maxR: 32, maxP: 16 };

export function scryptParamsAcceptable({ N, r, p }: ScryptParams): boolean {
  const powerOfTwo = Number.isInteger(Math.log2(N));
  return powerOfTwo && N >= SCRYPT_LIMITS.minN && N <= SCRYPT_LIMITS.maxN && r >= 1 && r <= SCRYPT_LIMITS.maxR && p >= 1 && p <= SCRYPT_LIMITS.maxP;
}

/** Asynchronous (libuv thread pool) so the Electron main process stays responsive. */
export function deriveKeyFromPassphrase(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const maxmem = 256 * params.N * params.r + 16 * 1024 * 1024; // scrypt needs 128*N*r bytes; Node's default cap is 32 MiB
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, { ...params, maxmem }, (error, key) => {
      if (error) reject(new Error(`scrypt failed: ${error.message}`));
      else resolve(key);
    });
  });
}
