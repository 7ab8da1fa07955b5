/**
 * The one thing Onramp keeps in the OS keychain: a random 256-bit master key,
 * base64, under service "Onramp", account "vault-master-key".
 */
import { KEY_BYTES, newMasterKey } from './crypto';
import { keychainUnavailable, type Keychain } from './keychain';

export const KEYCHAIN_SERVICE = 'Onramp';
export const KEYCHAIN_ACCOUNT = 'vault-master-key';

function decode(stored: string | null): Buffer | null {
  if (stored === null) return null;
  const key = Buffer.from(stored, 'base64');
  return key.length === KEY_BYTES && key.toString('base64') === stored ? key : null;
}

export type StoredMasterKey = { state: 'missing' } | { state: 'invalid' } | { state: 'found'; key: Buffer };

export async function readMasterKey(keychain: Keychain): Promise<StoredMasterKey> {
  const stored = await keychain.getPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT);
  if (stored === null) return { state: 'missing' };
  const key = decode(stored);
  return key ? { state: 'found', key } : { state: 'invalid' };
}

/**
 * Reuses a valid key already in the keychain (so a vault moved aside by reset stays
 * readable), otherwise stores a new one and reads it back: a locked collection can
 * drop a write without an error.
 */
export async function ensureMasterKey(keychain: Keychain): Promise<Buffer> {
  const existing = await readMasterKey(keychain);
  if (existing.state === 'found') return existing.key;
  const key = newMasterKey();
  const encoded = key.toString('base64');
  await keychain.setPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT, encoded);
  const readBack = await keychain.getPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT);
  if (readBack !== encoded) throw keychainUnavailable(new Error('the keychain did not keep the vault key (locked collection?)'));
  return key;
}

/** A harmless read that tells whether the keychain answers at all. */
export async function probeKeychain(keychain: Keychain): Promise<void> {
  await keychain.getPassword(KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT);
}
