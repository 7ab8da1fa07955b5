/**
 * The test host's stand-ins for Electron's native pieces. "Import a file…"
 * does not come here: the host's page opens its own file picker and uploads
 * the file (host-server.ts). Other dialogs answer from a queue that tests fill
 * over the token-guarded control endpoint (an empty queue means the user
 * pressed Cancel). The clipboard is main-side memory,
 * exactly as Electron's clipboard is main-side.
 */
import type { FileDialogOptions, Platform } from '../platform';

export interface HostPlatform extends Platform {
  queueOpenFile(path: string | null): void;
  queueSaveFile(path: string | null): void;
  queueFolder(path: string | null): void;
  readonly opened: string[];
}

export function createHostPlatform(version: string): HostPlatform {
  const openQueue: (string | null)[] = [];
  const saveQueue: (string | null)[] = [];
  const folderQueue: (string | null)[] = [];
  const opened: string[] = [];
  let clipboard = '';
  return {
    shell: 'host',
    version,
    opened,
    async openLink(url) {
      opened.push(url);
      console.log(`[host] would open in the browser: ${url}`);
    },
    clipboardWrite: async (text) => void (clipboard = text),
    clipboardRead: async () => clipboard,
    chooseOpenFile: async (_options: FileDialogOptions) => openQueue.shift() ?? null,
    chooseSaveFile: async (_options: FileDialogOptions) => saveQueue.shift() ?? null,
    chooseFolder: async (_options: FileDialogOptions) => folderQueue.shift() ?? null,
    queueOpenFile: (path) => void openQueue.push(path),
    queueSaveFile: (path) => void saveQueue.push(path),
    queueFolder: (path) => void folderQueue.push(path),
  };
}
