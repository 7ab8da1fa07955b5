import path from 'node:path';

/**
 * Where `electron-vite build --mode host` writes the test host's renderer (the
 * build with the WebSocket transport), beside the packaged app's `renderer/`.
 */
export function hostRendererDir(outDir = process.env['ONRAMP_OUT_DIR'] ?? 'out'): string {
  return path.resolve(outDir, 'renderer-host');
}
