/**
 * The OS keychain, behind a small interface so the vault can be tested and
 * benchmarked with an in-memory stand-in. The real one is keytar (libsecret on
 * Linux, which talks to any Secret Service: gnome-keyring, KeePassXC, ...).
 */
import type { AppError } from '../../common/errors';
import { vaultError, type KeychainFailureReason } from './errors';

export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

type KeytarModule = typeof import('keytar');

const FIX_HINT =
  'Install and unlock gnome-keyring (or enable the Secret Service integration of KeePassXC), ' +
  'or set up the vault with a passphrase instead.';

/** Maps a libsecret/keytar failure message (see RECIPES section 4) to a reason. */
export function classifyKeychainFailure(message: string): KeychainFailureReason {
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect|Failed to connect to socket|connection is closed/i.test(message)) {
    return 'noDbus';
  }
  if (/not provided by any \.service files|org\.freedesktop\.secrets|ServiceUnknown/i.test(message)) return 'noSecretService';
  if (/Object does not exist at path|locked|prompt|dismissed|Cannot create an item/i.test(message)) return 'locked';
  if (/Cannot find module|libsecret|\.node|NODE_MODULE_VERSION|invalid ELF/i.test(message)) return 'moduleMissing';
  return 'unknown';
}

export function keychainUnavailable(cause: unknown): AppError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const reason = classifyKeychainFailure(detail);
  // libsecret messages name D-Bus paths and services, never the stored value.
  const error = vaultError('keychainUnavailable', `The system keychain is not available (${reason}: ${detail}). ${FIX_HINT}`, {
    reason,
  });
  return error;
}

async function loadKeytar(): Promise<KeytarModule> {
  try {
    const mod = await import('keytar');
    return (mod as { default?: KeytarModule }).default ?? mod;
  } catch (error) {
    throw keychainUnavailable(error);
  }
}

/** The real keychain. keytar (a native module) is loaded on first use, not at import. */
export function createKeytarKeychain(): Keychain {
  let keytar: Promise<KeytarModule> | undefined;
  const call = async <T>(use: (api: KeytarModule) => Promise<T>): Promise<T> => {
    keytar ??= loadKeytar();
    const api = await keytar.catch((error: unknown) => {
      keytar = undefined; // allow a retry after the user installs what was missing
      throw error;
    });
    try {
      return await use(api);
    } catch (error) {
      throw keychainUnavailable(error);
    }
  };
  return {
    getPassword: (service, account) => call((api) => api.getPassword(service, account)),
    setPassword: (service, account, password) => call((api) => api.setPassword(service, account, password)),
    deletePassword: (service, account) => call((api) => api.deletePassword(service, account)),
  };
}
