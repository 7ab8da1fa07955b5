/**
 * The test host: serves the built renderer on 127.0.0.1 and carries the
 * contract over a WebSocket, so the whole app runs in plain Chromium where the
 * Electron binary cannot be had. A development and test tool only: it is never
 * bundled into the packaged app.
 *
 * Guard: a random per-run token (in the page URL's fragment, sent on connect)
 * and an Origin check; connections without both are refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Services } from '../composition';
import type { HostPlatform } from './host-platform';
import { serveStatic } from './static-files';

export interface HostOptions {
  services: Services;
  platform: HostPlatform;
  rendererDir: string;
  port?: number;
  /** Called with each contract message (both directions); tests use it to audit what reached the renderer. */
  onTraffic?: (direction: 'in' | 'out', text: string) => void;
}

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = randomBytes(24).toString('base64url');
  const tokenOk = (candidate: string | null | undefined) => {
    const a = Buffer.from(candidate ?? '');
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  let origin = '';

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/__test/')) return void handleControl(req, res, url, tokenOk, options.platform);
    if (req.method !== 'GET') return void res.writeHead(405).end();
    void serveStatic(options.rendererDir, url.pathname, res);
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({
    server,
    path: '/contract',
    maxPayload: 8 * 1024 * 1024,
    verifyClient: ({ origin: requestOrigin, req }: { origin: string; req: http.IncomingMessage }) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      return requestOrigin === origin && tokenOk(url.searchParams.get('token'));
    },
  });
  const send = (socket: WebSocket, message: object) => {
    const text = JSON.stringify(message);
    options.onTraffic?.('out', text);
    socket.send(text);
  };
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      // The page reloaded or closed: its terminals go with it (as in Electron, main/electron/ipc-bridge.ts#watchRenderer).
      if (sockets.size === 0) options.services.rendererGone();
    });
    socket.on('message', (data) => {
      const text = data.toString();
      options.onTraffic?.('in', text);
      let message: { id?: unknown; channel?: unknown; request?: unknown };
      try {
        message = JSON.parse(text) as typeof message;
      } catch {
        return;
      }
      if (typeof message.id !== 'number') return;
      const id = message.id;
      void options.services.dispatch(message.channel, message.request).then((result) => send(socket, { id, result }));
    });
  });
  const unsubscribe = options.services.events.subscribe((event, payload) => {
    for (const socket of sockets) send(socket, { event, payload });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    async close() {
      unsubscribe();
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/** POST /__test/dialog {open?: path|null, save?: path|null} with header x-onramp-token. */
function handleControl(req: http.IncomingMessage, res: http.ServerResponse, url: URL, tokenOk: (t: string | undefined) => boolean, platform: HostPlatform): void {
  const header = req.headers['x-onramp-token'];
  if (req.method !== 'POST' || !tokenOk(typeof header === 'string' ? header : undefined)) return void res.writeHead(403).end();
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    try {
      const data = JSON.parse(body || '{}') as { open?: string | null; save?: string | null };
      if (url.pathname === '/__test/dialog') {
        if ('open' in data) platform.queueOpenFile(data.open ?? null);
        if ('save' in data) platform.queueSaveFile(data.save ?? null);
        return void res.writeHead(204).end();
      }
      if (url.pathname === '/__test/clipboard') {
        return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ text: platform.clipboardRead() }));
      }
      res.writeHead(404).end();
    } catch {
      res.writeHead(400).end();
    }
  });
}
