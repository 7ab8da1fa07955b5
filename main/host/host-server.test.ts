import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServices } from '../composition';
import { InMemoryKeychain } from '../vault/memory-keychain';
import { createHostPlatform } from './host-platform';
import { startHost, type RunningHost } from './host-server';

let host: RunningHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

let rendererGone = 0;

async function start(): Promise<RunningHost> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-hosttest-'));
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Onramp</title>');
  const platform = createHostPlatform('test');
  const services = createServices({ dataDir, keychain: new InMemoryKeychain(), options: { platform } });
  rendererGone = 0;
  const watched = { ...services, rendererGone: () => void rendererGone++ };
  host = await startHost({ services: watched, platform, rendererDir });
  return host;
}

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('test host', () => {
  it('serves the renderer with a CSP header and refuses paths outside it', async () => {
    const h = await start();
    const res = await fetch(`${h.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${h.origin}/..%2f..%2fetc%2fpasswd`)).status).toBeGreaterThanOrEqual(403);
  });

  it('carries the contract over the WebSocket with the right token and origin', async () => {
    const h = await start();
    const ws = await connect(`ws://127.0.0.1:${new URL(h.origin).port}/contract?token=${h.token}`, h.origin);
    // Events (step statuses from the startup reconcile) may arrive first: wait for the reply to request 1.
    const reply = new Promise<string>((resolve) =>
      ws.on('message', (d) => {
        const text = d.toString();
        if ((JSON.parse(text) as { id?: unknown }).id === 1) resolve(text);
      }),
    );
    ws.send(JSON.stringify({ id: 1, channel: 'setup.getState', request: {} }));
    expect(JSON.parse(await reply)).toMatchObject({ id: 1, result: { ok: true, value: { currentPage: 'connect-aws' } } });
    expect(rendererGone).toBe(0);
    ws.close();
    await expect.poll(() => rendererGone).toBe(1); // a reloaded or closed page takes its terminals with it
  });

  it('refuses a connection without the token, with a wrong token, or from another origin', async () => {
    const h = await start();
    const port = new URL(h.origin).port;
    await expect(connect(`ws://127.0.0.1:${port}/contract`, h.origin)).rejects.toThrow(/401/);
    await expect(connect(`ws://127.0.0.1:${port}/contract?token=${'x'.repeat(h.token.length)}`, h.origin)).rejects.toThrow(/401/);
    await expect(connect(`ws://127.0.0.1:${port}/contract?token=${h.token}`, 'http://evil.example')).rejects.toThrow(/401/);
  });

  it('guards the test control endpoint with the token', async () => {
    const h = await start();
    expect((await fetch(`${h.origin}/__test/dialog`, { method: 'POST', body: '{"open":"/etc/passwd"}' })).status).toBe(403);
    const ok = await fetch(`${h.origin}/__test/dialog`, { method: 'POST', headers: { 'x-onramp-token': h.token }, body: '{"open":"/tmp/x"}' });
    expect(ok.status).toBe(204);
  });

  it('closes at once, whatever the page still holds: a half-sent request, and a WebSocket opened while closing', async () => {
    const h = await start();
    const port = Number(new URL(h.origin).port);
    const raw = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => raw.once('connect', () => resolve()));
    raw.write('GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // the rest never comes
    const rawClosed = new Promise<void>((resolve) => raw.once('close', () => resolve()));
    const ws = await connect(`ws://127.0.0.1:${port}/contract?token=${h.token}`, h.origin);
    // The page reconnects as soon as its socket is dropped: a new upgrade arrives during close().
    ws.once('close', () => {
      const again = new WebSocket(`ws://127.0.0.1:${port}/contract?token=${h.token}`, { origin: h.origin });
      again.on('error', () => undefined);
    });
    const started = Date.now();
    await h.close();
    host = undefined;
    expect(Date.now() - started).toBeLessThan(2_000);
    await rawClosed;
  });
});

describe('test host on a taken port', () => {
  async function takePort(): Promise<{ port: number; close: () => Promise<void> }> {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return { port: address.port, close: () => new Promise<void>((resolve) => blocker.close(() => resolve())) };
  }

  it('startHost fails at once with a message that names the port, instead of waiting forever', async () => {
    const taken = await takePort();
    try {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-hosttest-'));
      const platform = createHostPlatform('test');
      const services = createServices({ dataDir, keychain: new InMemoryKeychain(), options: { platform, reconcileOnStart: false } });
      const started = Date.now();
      await expect(startHost({ services, platform, rendererDir: dataDir, port: taken.port })).rejects.toThrow(
        new RegExp(`127\\.0\\.0\\.1:${taken.port} \\(EADDRINUSE\\).*ONRAMP_HOST_PORT`),
      );
      expect(Date.now() - started).toBeLessThan(2_000);
      await services.dispose();
    } finally {
      await taken.close();
    }
  });

  it('npm run host (cli.ts) prints the reason and exits non-zero', async () => {
    const taken = await takePort();
    try {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-hostcli-'));
      const tsx = path.resolve('node_modules/.bin/tsx');
      const result = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
        execFile(
          tsx,
          ['main/host/cli.ts'],
          { env: { ...process.env, ONRAMP_HOST_PORT: String(taken.port), ONRAMP_DATA_DIR: dataDir, ONRAMP_RENDERER_DIR: dataDir }, timeout: 30_000 },
          (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
        );
      });
      expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${taken.port} (EADDRINUSE)`);
      expect(result.stdout).not.toContain('open:');
      expect(result.code).toBe(2);
    } finally {
      await taken.close();
    }
  }, 40_000);
});
