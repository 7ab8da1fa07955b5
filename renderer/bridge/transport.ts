import type { Result } from '../../common/contract/result';
import type { OnrampApi } from '../../common/contract/types';

/** A file the user dropped or picked, registered with main: the opaque one-time token `vault.import` takes. */
export type GrantFile = (file: File) => Promise<Result<{ token: string }>>;

/** What the preload exposes besides the contract: dropped files, turned into tokens by main. */
export interface PreloadFiles {
  grant: GrantFile;
}

export interface Transport {
  api: OnrampApi;
  grantFile: GrantFile;
  /**
   * Opens a file picker in the page (the test host has no native dialog), or is
   * absent when main runs the system's open dialog itself (Electron).
   */
  pickFile?: () => Promise<File | null>;
}

declare global {
  interface Window {
    onramp?: OnrampApi;
    onrampFiles?: PreloadFiles;
  }
}
