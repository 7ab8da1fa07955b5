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
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Services } from '../composition';
import type { Result } from '../../common/contract/result';
import type { HostPlatform } from './host-platform';
import { MAX_FRAME_BYTES, parseClientMessage, type ClientMessage, type InvalidReason } from './host-messages';
import { serveStatic } from './static-files';
import { contractError } from '../../common/errors';

const MAX_CONTROL_BODY = 64 * 1024;

const invalidMessages: Record<InvalidReason, string> = {
  binaryFrame: 'Binary frames are not part of the contract',
  notJson: 'The message is not JSON',
  notAnObject: 'The message is not a JSON object',
  noId: 'The message has no numeric id',
  badUpload: 'The upload is not { name, base64 }',
  uploadTooLarge: 'The file is larger than the import limit',
};

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
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return void res.writeHead(400).end();
    }
    if (url.pathname.startsWith('/__test/')) return void handleControl(req, res, url, tokenOk, options.platform);
    if (req.method !== 'GET') return void res.writeHead(405).end();
    serveStatic(options.rendererDir, url.pathname, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  // Every TCP connection, so close() can end them: server.close() alone waits for a half-sent request
  // or for a WebSocket the page opened again while the host was closing (the page reconnects at once).
  const connections = new Set<Socket>();
  let closing = false;
  server.on('connection', (connection: Socket) => {
    if (closing) return void connection.destroy();
    connections.add(connection);
    connection.once('close', () => connections.delete(connection));
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({
    server,
    path: '/contract',
    maxPayload: MAX_FRAME_BYTES, // ws closes an over-size frame with 1009
    verifyClient: ({ origin: requestOrigin, req }: { origin: string; req: http.IncomingMessage }) => {
      try {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        return requestOrigin === origin && tokenOk(url.searchParams.get('token'));
      } catch {
        return false;
      }
    },
  });
  const send = (socket: WebSocket, message: object) => {
    if (socket.readyState !== socket.OPEN) return;
    const text = JSON.stringify(message);
    options.onTraffic?.('out', text);
    socket.send(text);
  };
  const answer = (message: ClientMessage): Promise<Result<unknown>> => {
    switch (message.kind) {
      case 'invoke':
        return options.services.dispatch(message.channel, message.request);
      case 'upload': {
        const token = options.services.files.grant({ kind: 'bytes', name: message.name, bytes: message.bytes });
        return Promise.resolve({ ok: true, value: { token } });
      }
      case 'invalid':
        return Promise.resolve({ ok: false, error: contractError('contract.invalidMessage', invalidMessages[message.reason], { reason: message.reason }) });
    }
  };
  wss.on('connection', (socket) => {
    sockets.add(socket);
    // ws reports an over-size frame (1009) or invalid UTF-8 (1007) here and closes the socket; without a listener it would crash the process.
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      sockets.delete(socket);
      // The page reloaded or closed: its terminals go with it (as in Electron, main/electron/ipc-bridge.ts#watchRenderer).
      if (sockets.size === 0) options.services.rendererGone();
    });
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) options.onTraffic?.('in', data.toString());
      const message = parseClientMessage(data, isBinary);
      answer(message)
        .catch((): Result<unknown> => ({ ok: false, error: contractError('contract.internal', 'Something went wrong inside Onramp', { channel: 'host' }) }))
        .then((result) => send(socket, { id: message.id, result }));
    });
  });
  wss.on('error', () => {}); // errors of the shared HTTP server surface on `server`; nothing here may crash the host
  const unsubscribe = options.services.events.subscribe((event, payload) => {
    for (const socket of sockets) send(socket, { event, payload });
  });

  await listen(server, options.port ?? 0).catch(async (error: unknown) => {
    unsubscribe();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    async close() {
      closing = true;
      unsubscribe();
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.terminate();
      const wssClosed = new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const connection of connections) connection.destroy();
      await Promise.all([wssClosed, serverClosed]);
    },
  };
}

export class HostPortTaken extends Error {
  constructor(readonly port: number, readonly reason: string) {
    super(`The test host cannot listen on 127.0.0.1:${port} (${reason}). Another program uses that port: stop it, or set ONRAMP_HOST_PORT to a free port (0 picks one).`);
    this.name = 'HostPortTaken';
  }
}

/**
 * Listens on 127.0.0.1:`port`, or fails with HostPortTaken. The WebSocket server attached to `server` takes over its
 * 'error' events, so a taken port would otherwise go unnoticed and the start would wait forever.
 */
function listen(server: http.Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      server.off('listening', listening);
      reject(new HostPortTaken(port, error.code ?? error.message));
    };
    const listening = () => {
      server.off('error', failed);
      resolve();
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen(port, '127.0.0.1');
  });
}

/** POST /__test/dialog {open?: path|null, save?: path|null, folder?: path|null} with header x-onramp-token. */
function handleControl(req: http.IncomingMessage, res: http.ServerResponse, url: URL, tokenOk: (t: string | undefined) => boolean, platform: HostPlatform): void {
  const header = req.headers['x-onramp-token'];
  if (req.method !== 'POST' || !tokenOk(typeof header === 'string' ? header : undefined)) return void res.writeHead(403).end();
  let body = '';
  req.on('data', (chunk: Buffer) => {
    body += chunk.toString();
    if (body.length > MAX_CONTROL_BODY) req.destroy();
  });
  req.on('error', () => res.destroy());
  req.on('end', () => {
    try {
      const data = JSON.parse(body || '{}') as { open?: string | null; save?: string | null; folder?: string | null };
      if (url.pathname === '/__test/dialog') {
        if ('open' in data) platform.queueOpenFile(data.open ?? null);
        if ('save' in data) platform.queueSaveFile(data.save ?? null);
        if ('folder' in data) platform.queueFolder(data.folder ?? null);
        return void res.writeHead(204).end();
      }
      if (url.pathname === '/__test/clipboard') {
        return void platform.clipboardRead().then((text) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ text })));
      }
      res.writeHead(404).end();
    } catch {
      res.writeHead(400).end();
    }
  });
}
