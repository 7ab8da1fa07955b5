/**
 * The sandboxed preload: exposes exactly the contract's functions as
 * `window.onramp` and nothing else (no ipcRenderer, no process.env).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from '../common/contract/build-api';
import { eventNames } from '../common/contract/channels';
import type { Result } from '../common/contract/result';

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

contextBridge.exposeInMainWorld('onramp', api);
/** Dropped files: only their path goes to main, which reads them; the renderer never reads key files. */
contextBridge.exposeInMainWorld('onrampFiles', { pathForFile: (file: File) => webUtils.getPathForFile(file) });
