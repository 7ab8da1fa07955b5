/**
 * The renderer's Content Security Policy, sent as a header by the app:// handler
 * and the test host, and also set in renderer/index.html. `style-src
 * 'unsafe-inline'` is needed by xterm.js, which writes its theme into <style>.
 * `ws://127.0.0.1:*` lets the Chromium test build reach its host.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws://127.0.0.1:*",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
