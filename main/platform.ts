/**
 * What the services need from the shell around them. Electron implements it
 * with real dialogs, clipboard and shell.openExternal (main/electron/platform.ts);
 * the test host implements it for Chromium runs (main/host/host-platform.ts).
 */
export interface FileDialogOptions {
  title: string;
  defaultName?: string;
  filters?: { name: string; extensions: string[] }[];
}

export interface Platform {
  readonly shell: 'electron' | 'host';
  readonly version: string;
  /** Opens an allowlisted https link in the user's browser (callers check the allowlist too). */
  openLink(url: string): Promise<void>;
  /** Electron 45's clipboard is asynchronous (the W3C shape), so both return promises. */
  clipboardWrite(text: string): Promise<void>;
  clipboardRead(): Promise<string>;
  chooseOpenFile(options: FileDialogOptions): Promise<string | null>;
  chooseSaveFile(options: FileDialogOptions): Promise<string | null>;
  /** A folder (the App step's "a folder on this computer"). */
  chooseFolder(options: FileDialogOptions): Promise<string | null>;
}
