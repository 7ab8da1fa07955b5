/**
 * The renderer's single entry to main. The transport is chosen at build time:
 * `#transport` is an alias (electron.vite.config.ts) for preload-transport.ts
 * in the packaged app, or host-transport.ts in the test host's build
 * (`--mode host`). So the packaged bundle carries no WebSocket client and no
 * schema library. Nothing else in the renderer knows which one it has.
 */
import { createTransport } from '#transport';

const transport = createTransport();

export const api = transport.api;
export const grantFile = transport.grantFile;
/** Only the test host has one: there, "Import a file…" opens the page's picker instead of main's dialog. */
export const pickFile = transport.pickFile;
