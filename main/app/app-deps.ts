/**
 * What the App step needs from the rest of main, injected by the composition
 * root (app-capability.ts builds the step, its operations and the `deploy.*`
 * handlers from it). The settings and the deploy key live in the vault; the
 * capability sees them only through these narrow views.
 */
import type { SetupStateStore } from '../setup/state-store';
import type { KnownHosts, SshTargetInput } from '../ssh';
import type { RemoteSsh } from '../server/remote';

/** A folder's files sent over one SFTP session, resumable (main/ssh/sftp-upload-tree.ts). */
export interface TreeUploader {
  uploadTree(
    target: SshTargetInput,
    input: { localRoot: string; files: { path: string; size: number; mode: number }[]; remoteDir: string },
    options: { signal?: AbortSignal; onProgress?(sentBytes: number, totalBytes: number, file: string): void },
  ): Promise<{ sentFiles: number; sentBytes: number; skippedFiles: number }>;
}

/** The app's settings in the vault: one item per setup, values never leave main except into the 0600 file. */
export interface AppSettingsVault {
  /** The stored values and which names are secret; empty when there is no item yet. */
  read(itemId: string | undefined): Promise<{ values: Map<string, string>; secretNames: Set<string> }>;
  /** Writes (creates or replaces) the item; returns its id. */
  write(itemId: string | undefined, values: ReadonlyMap<string, string>, secretNames: ReadonlySet<string>): Promise<string>;
}

/** The deploy key for a private repository: an ed25519 key made into the vault. */
export interface DeployKeyVault {
  /** The public line and fingerprint of the item, or undefined when it is gone. */
  publicOf(itemId: string | undefined): { publicKey: string; fingerprint: string } | undefined;
  /** Makes a key for `repository` (`host/owner/repo`, named after it in the vault). */
  create(repository: string): Promise<{ itemId: string; publicKey: string; fingerprint: string }>;
  privateOf(itemId: string): Promise<string>;
}

export interface AppStepDeps {
  setup: Pick<SetupStateStore, 'get' | 'update'>;
  ssh: RemoteSsh & TreeUploader;
  knownHosts: Pick<KnownHosts, 'lookup'>;
  settings: AppSettingsVault;
  deployKeys: DeployKeyVault;
  chooseFolder(): Promise<string | null>;
  log?: (message: string, error: unknown) => void;
}
