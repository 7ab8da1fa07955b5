/**
 * Electron main: the thin shell. Everything it does beyond windows, protocol,
 * dialogs and clipboard lives in services built by createServices().
 */
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { createServices } from './composition';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './electron/app-protocol';
import { createElectronPlatform } from './electron/electron-platform';
import { hardenApp } from './electron/hardening';
import { bridgeContract, watchRenderer } from './electron/ipc-bridge';
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

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;

void app.whenReady().then(() => {
  const platform = createElectronPlatform(() => mainWindow);
  hardenApp(isAppUrl, (url) => platform.openLink(url));
  if (!devServerUrl) serveRenderer(path.join(__dirname, '../renderer'));
  const services = createServices({
    dataDir: process.env['ONRAMP_DATA_DIR'] ?? app.getPath('userData'),
    keychain: createKeytarKeychain(),
    options: { platform },
  });
  bridgeContract(services, () => mainWindow, isAppUrl);
  mainWindow = createMainWindow(path.join(__dirname, '../preload/index.js'), appUrl);
  watchRenderer(mainWindow, services);
  mainWindow.on('closed', () => (mainWindow = null));
  app.on('second-instance', () => mainWindow?.focus());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length > 0) return;
    mainWindow = createMainWindow(path.join(__dirname, '../preload/index.js'), appUrl);
    watchRenderer(mainWindow, services);
  });
  app.on('will-quit', () => void services.dispose());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
