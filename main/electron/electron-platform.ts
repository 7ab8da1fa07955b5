import { app, clipboard, dialog, shell, type BrowserWindow } from 'electron';
import type { FileDialogOptions, Platform } from '../platform';
import { isAllowedExternalUrl } from '../security/external-links';

export function createElectronPlatform(getWindow: () => BrowserWindow | null): Platform {
  const parent = () => getWindow() ?? undefined;
  return {
    shell: 'electron',
    version: app.getVersion(),
    async openLink(url) {
      if (isAllowedExternalUrl(url)) await shell.openExternal(url);
    },
    clipboardWrite: (text) => clipboard.writeText(text),
    clipboardRead: () => clipboard.readText(),
    async chooseOpenFile(options: FileDialogOptions) {
      const win = parent();
      const props = { title: options.title, filters: options.filters, properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, props) : await dialog.showOpenDialog(props);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder(options: FileDialogOptions) {
      const win = parent();
      const props = { title: options.title, properties: ['openDirectory' as const] };
      const result = win ? await dialog.showOpenDialog(win, props) : await dialog.showOpenDialog(props);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSaveFile(options: FileDialogOptions) {
      const win = parent();
      const props = { title: options.title, defaultPath: options.defaultName, filters: options.filters };
      const result = win ? await dialog.showSaveDialog(win, props) : await dialog.showSaveDialog(props);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
