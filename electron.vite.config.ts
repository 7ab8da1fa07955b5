import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { contentSecurityPolicy, type RendererTransport } from './main/security/csp';

const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>/;

/**
 * The renderer's CSP meta comes from main/security/csp.ts (one source with the
 * header): the build writes the policy of its transport over the meta in
 * renderer/index.html (which holds the packaged app's policy, for readers and
 * scanners). The dev server gets none: it injects inline scripts (React refresh).
 */
function cspMeta(transport: RendererTransport): Plugin {
  // frame-ancestors only works as a header (both servers send it); in a meta, Chromium ignores it with a warning.
  const policy = contentSecurityPolicy(transport)
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  return {
    name: 'onramp-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!CSP_META.test(html)) throw new Error('renderer/index.html lost its Content-Security-Policy meta');
        return html.replace(CSP_META, context.server ? '' : meta);
      },
    },
  };
}

/** ONRAMP_OUT_DIR lets parallel builds (e.g. two e2e runs) keep apart; default `out/`. */
const outDir = process.env['ONRAMP_OUT_DIR'] ?? 'out';

/**
 * The transport is chosen at build time. `electron-vite build` makes the
 * packaged app: main, preload, and a renderer that talks only to the preload
 * (no WebSocket client, no `ws:` in its CSP). `electron-vite build --mode host`
 * makes only the test host's renderer, into `<out>/renderer-host`
 * (main/host/renderer-dir.ts), with the WebSocket transport.
 */
function rendererConfig(transport: RendererTransport): UserConfig {
  return {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), cspMeta(transport)],
    // renderer/bridge/api.ts imports `#transport`: the preload's API, or the host's WebSocket (with the schemas it needs).
    resolve: { alias: { '#transport': resolve(__dirname, `renderer/bridge/${transport === 'host' ? 'host' : 'preload'}-transport.ts`) } },
    server: { host: '127.0.0.1' },
    build: {
      outDir: resolve(__dirname, `${outDir}/${transport === 'host' ? 'renderer-host' : 'renderer'}`),
      emptyOutDir: true,
      // electron-vite leaves bundles unminified by default; the renderer ships minified (and its size is budgeted: `npm run size`).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'host') return { renderer: rendererConfig('host') };
  return {
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
    renderer: rendererConfig('electron'),
  };
});
