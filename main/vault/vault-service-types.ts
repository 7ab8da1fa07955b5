/** The VaultService's status, options and change listener (re-exported by vault-service.ts). */
import type { AtomicWriteHooks } from '../storage/atomic-write';
import type { KeychainFailureReason } from './errors';
import type { VaultMode } from './file-format';
import type { Keychain } from './keychain';

export interface VaultStatus {
  mode: VaultMode | 'uninitialized';
  locked: boolean;
  itemCount?: number;
  /** Set when the keychain could not be reached: always 'vault.keychainUnavailable'. */
  keychainError?: string;
  keychainReason?: KeychainFailureReason;
  /** Set only when the data dir is readable by others and could not be made private: its mode, e.g. `0755`. */
  dataDirMode?: string;
}

export interface VaultServiceOptions {
  /** Directory of vault.json (created with mode 0700 if missing). */
  dataDir: string;
  /** Defaults to the OS keychain through keytar. */
  keychain?: Keychain;
  fileName?: string;
  /** Test seam, see atomic-write.ts. */
  beforeRename?: AtomicWriteHooks['beforeRename'];
}

/** Called after every change (and after another process's change is noticed); awaited in order. */
export type VaultChangeListener = () => Promise<void> | void;
