/**
 * The packaged app's transport: Electron's preload already built the typed API
 * (`window.onramp`) and the dropped-file grant (`window.onrampFiles`). Chosen at
 * build time as `#transport` (electron.vite.config.ts); main runs the open
 * dialog itself, so there is no page file picker.
 */
import type { Transport } from './transport';

export function createTransport(): Transport {
  const api = window.onramp;
  const files = window.onrampFiles;
  if (!api || !files) throw new Error('Onramp must run inside its own window (the preload is missing).');
  return { api, grantFile: (file) => files.grant(file) };
}
