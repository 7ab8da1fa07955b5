import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The renderer's build-time transport (electron.vite.config.ts); tests get the packaged app's.
  resolve: { alias: { '#transport': fileURLToPath(new URL('./renderer/bridge/preload-transport.ts', import.meta.url)) } },
  test: {
    include: ['main/**/*.test.ts', 'common/**/*.test.ts', 'preload/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
