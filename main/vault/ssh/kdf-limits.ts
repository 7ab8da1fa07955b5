/**
 * How much key-derivation work a key file may ask for. The cost is written in
 * the file, so without a cap a file could make decryption run for minutes
 * (OpenSSH bcrypt: 1600 rounds took 24 s; 2^32-1 never ends). OpenSSH's
 * default is 16 rounds, OpenSSL's PBKDF2 default 2048 iterations.
 */
import { vaultError } from '../errors';

export const MAX_BCRYPT_ROUNDS = 128;
export const MAX_PBKDF2_ITERATIONS = 1_000_000;
/** scrypt N·r·p; OpenSSL's PKCS#8 default is 16384·8·1 = 131072. */
export const MAX_SCRYPT_WORK = 1 << 20;

export type KdfName = 'bcrypt' | 'pbkdf2' | 'scrypt';

const MAX: Record<KdfName, number> = { bcrypt: MAX_BCRYPT_ROUNDS, pbkdf2: MAX_PBKDF2_ITERATIONS, scrypt: MAX_SCRYPT_WORK };

/** Throws `vault.keyKdfTooCostly` (naming the `ssh-keygen -p -a 64` fix) when `cost` is over the cap for `kdf`. */
export function assertKdfCost(kdf: KdfName, cost: number): void {
  const max = MAX[kdf];
  if (Number.isFinite(cost) && cost <= max) return;
  const shown = Number.isFinite(cost) ? cost : 'more than 2^48';
  throw vaultError(
    'keyKdfTooCostly',
    `This key file asks for ${shown} ${kdf} rounds to decrypt; Onramp allows at most ${max} so that a file cannot freeze the app. ` +
      'Re-save it with fewer rounds: ssh-keygen -p -a 64 -f <file>',
    { kdf, cost: shown, max },
  );
}
