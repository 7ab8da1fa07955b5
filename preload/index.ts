/**
 * The sandboxed preload: exposes exactly the contract's functions as
 * `window.onramp`, plus `window.onrampFiles.grant(file)` for dropped files,
 * and nothing else (no ipcRenderer, no process.env).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from '../common/contract/build-api';
import { eventNames } from '../common/contract/channels';
import { GRANT_DROPPED_FILE_CHANNEL } from '../common/contract/preload-channels';
import type { Result } from '../common/contract/result';
import { contractError } from '../common/errors';

const api = buildApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
  subscribe(listener) {
    const handlers = eventNames.map((event) => {
      const handler = (_e: Electron.IpcRendererEvent, payload: unknown) => listener(event, payload);
      ipcRenderer.on(event, handler);
      return () => ipcRenderer.removeListener(event, handler);
    });
    return () => handlers.forEach((off) => off());
  },
});

/**
 * A dropped file becomes a one-time token held by main. The page hands over a
 * File object; only a real file from the user's disk has a path, and the path
 * never reaches the page.
 */
async function grant(file: File): Promise<Result<{ token: string }>> {
  let filePath = '';
  try {
    filePath = webUtils.getPathForFile(file); // '' for a File made in the page; throws for anything that is not a File
  } catch {
    filePath = '';
  }
  if (!filePath) {
    const fileName = typeof file?.name === 'string' ? file.name.slice(0, 255) : '';
    return { ok: false, error: contractError('vault.importUnreadable', 'Not a file from your disk', { fileName }) };
  }
  return (await ipcRenderer.invoke(GRANT_DROPPED_FILE_CHANNEL, filePath)) as Result<{ token: string }>;
}

contextBridge.exposeInMainWorld('onramp', api);
contextBridge.exposeInMainWorld('onrampFiles', Object.freeze({ grant }));
