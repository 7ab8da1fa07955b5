import { promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { contentSecurityPolicy } from '../security/csp';

/** The host build reaches its host over ws://127.0.0.1; the packaged app's policy has no ws: source. */
export const HOST_CONTENT_SECURITY_POLICY = contentSecurityPolicy('host');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function decodePath(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return null; // a malformed escape such as /%ZZ
  }
}

/** Serves the built renderer from `root`; refuses anything outside it. Never throws. */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<void> {
  const relative = decodePath(urlPath);
  if (relative === null || relative.includes('\0')) {
    res.writeHead(400).end('bad request');
    return;
  }
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await fs.readFile(file);
    res.writeHead(200, {
      'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': HOST_CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}
