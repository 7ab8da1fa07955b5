/**
 * Electron main: the thin shell. Everything it does beyond windows, protocol,
 * dialogs and clipboard lives in services built by createServices().
 */
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { createServices, type Services } from './composition';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './electron/app-protocol';
import { createElectronPlatform } from './electron/electron-platform';
import { hardenApp } from './electron/hardening';
import { bridgeContract, watchRenderer } from './electron/ipc-bridge';
import { claimSingleInstance, revealWindow } from './electron/single-instance';
import { createMainWindow } from './electron/window';
import { createKeytarKeychain } from './vault/keychain';

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const appUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const appOrigin = new URL(appUrl).origin;
const isAppUrl = (url: string): boolean => {
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
};

let services: Services | null = null;
let mainWindow: BrowserWindow | null = null;

/** The one way a window is made (at start, and on macOS when the dock icon is clicked with no window left). */
function openMainWindow(running: Services): BrowserWindow {
  const win = createMainWindow(path.join(__dirname, '../preload/index.js'), appUrl);
  watchRenderer(win, running);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  return win;
}

/** Another `onramp` was started: show this one instead. */
function onSecondInstance(): void {
  if (!services) return; // still starting: the window is about to appear anyway
  revealWindow(mainWindow ?? openMainWindow(services));
}

function start(): void {
  registerAppScheme();
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(() => {
    const platform = createElectronPlatform(() => mainWindow);
    hardenApp(isAppUrl, (url) => platform.openLink(url));
    if (!devServerUrl) serveRenderer(path.join(__dirname, '../renderer'));
    const running = createServices({
      dataDir: process.env['ONRAMP_DATA_DIR'] ?? app.getPath('userData'),
      keychain: createKeytarKeychain(),
      options: { platform },
    });
    services = running;
    bridgeContract(running, () => mainWindow, isAppUrl);
    openMainWindow(running);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow(running);
    });
    app.on('will-quit', () => void running.dispose());
  });
}

// Every renderer sandboxed, whatever a window's own webPreferences say. Must run before `ready`.
app.enableSandbox();
// A second instance quits here, before building anything; the first shows its window.
if (claimSingleInstance(app, onSecondInstance)) start();
