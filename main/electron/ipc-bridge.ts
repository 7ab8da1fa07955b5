/**
 * Carries the contract over Electron IPC. Every invoke is checked to come from
 * our own window's main frame at our own origin (Electron Fiddle's pattern)
 * before the router parses it.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { invokeChannels } from '../../common/contract/channels';
import { GRANT_DROPPED_FILE_CHANNEL } from '../../common/contract/preload-channels';
import type { Services } from '../composition';
import { grantDroppedFile } from '../files/user-file-grants';
import { contractError } from '../../common/errors';

const untrusted = { ok: false, error: contractError('contract.untrustedSender', 'Request refused: not from the Onramp window') } as const;

export function bridgeContract(services: Services, getWindow: () => BrowserWindow | null, isAppUrl: (url: string) => boolean): () => void {
  const isTrustedSender = (event: IpcMainInvokeEvent): boolean => {
    const win = getWindow();
    const frame = event.senderFrame;
    return !!win && !!frame && event.sender === win.webContents && frame === win.webContents.mainFrame && isAppUrl(frame.url);
  };
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event, request: unknown) => {
      if (!isTrustedSender(event)) return untrusted;
      return services.dispatch(channel, request);
    });
  }
  // Preload-only: a dropped file's path (webUtils.getPathForFile) becomes a one-time token for vault.import.
  ipcMain.handle(GRANT_DROPPED_FILE_CHANNEL, (event, filePath: unknown) => {
    if (!isTrustedSender(event)) return untrusted;
    return grantDroppedFile(services.files, filePath);
  });
  const unsubscribe = services.events.subscribe((event, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(event, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of invokeChannels) ipcMain.removeHandler(channel);
    ipcMain.removeHandler(GRANT_DROPPED_FILE_CHANNEL);
  };
}

/** A reload, a crashed renderer or a closed window drops what only that page could use (its terminals). */
export function watchRenderer(win: BrowserWindow, services: Services): void {
  win.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) services.rendererGone();
  });
  win.webContents.on('render-process-gone', () => services.rendererGone());
  win.on('closed', () => services.rendererGone());
}
