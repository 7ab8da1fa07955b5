import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The dev server injects inline scripts (React refresh); the strict CSP meta only ships in builds. */
function devCsp(): Plugin {
  return {
    name: 'onramp-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

/** ONRAMP_OUT_DIR lets parallel builds (e.g. two e2e runs) keep apart; default `out/`. */
const outDir = process.env['ONRAMP_OUT_DIR'] ?? 'out';

export default defineConfig({
  main: {
    build: {
      outDir: `${outDir}/main`,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          // Runs file imports (key decryption) off the main thread: main/vault/import/off-thread.ts loads it by this name.
          'import-worker': resolve(__dirname, 'main/vault/import/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // The window is sandboxed: the preload may require only 'electron', so bundle zod in.
      externalizeDeps: false,
      outDir: `${outDir}/preload`,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), devCsp()],
    server: { host: '127.0.0.1' },
    build: {
      outDir: resolve(__dirname, `${outDir}/renderer`),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
