/**
 * The renderer's Content Security Policy, sent as a header by the app://
 * handler (Electron) and the test host, and written into the built
 * index.html's meta by the build (electron.vite.config.ts). `style-src
 * 'unsafe-inline'` is needed by xterm.js, which writes its theme into <style>.
 *
 * The transport is chosen at build time: only the test host's build may open a
 * WebSocket (to its own host on ws://127.0.0.1); the packaged app's policy has
 * no `ws:` source at all.
 */
export type RendererTransport = 'electron' | 'host';

export function contentSecurityPolicy(transport: RendererTransport): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    transport === 'host' ? "connect-src 'self' ws://127.0.0.1:*" : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The packaged Electron app's policy. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy('electron');
