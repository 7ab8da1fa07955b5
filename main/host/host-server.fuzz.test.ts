/**
 * The test host faces any local process and any web page: nothing sent to its
 * HTTP or WebSocket side may crash it. Each hostile input gets a status, a
 * typed error reply, or a clean close with a code, and a normal call still
 * works afterwards. (An uncaught throw inside the host fails this run.)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServices, type Services } from '../composition';
import { InMemoryKeychain } from '../vault/memory-keychain';
import { createHostPlatform } from './host-platform';
import { MAX_FRAME_BYTES } from './host-messages';
import { startHost, type RunningHost } from './host-server';

let host: RunningHost | undefined;
let services: Services | undefined;
afterEach(async () => {
  await host?.close();
  await services?.dispose();
  host = undefined;
  services = undefined;
});

async function start(): Promise<RunningHost> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-hostfuzz-'));
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'onramp-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Onramp</title>');
  const platform = createHostPlatform('test');
  services = createServices({ dataDir, keychain: new InMemoryKeychain(), options: { platform, log: () => undefined } });
  host = await startHost({ services, platform, rendererDir });
  return host;
}

interface Reply {
  id: number | null;
  result: { ok: boolean; value?: unknown; error?: { code: string; params?: Record<string, unknown> } };
}

class Client {
  private readonly replies: Reply[] = [];
  private readonly waiting: ((reply: Reply) => void)[] = [];
  readonly closed: Promise<number>;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const parsed = JSON.parse(data.toString()) as Reply | { event: string };
      if (!('result' in parsed)) return;
      const waiter = this.waiting.shift();
      if (waiter) waiter(parsed);
      else this.replies.push(parsed);
    });
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
  }

  static async open(h: RunningHost): Promise<Client> {
    const socket = new WebSocket(`ws://127.0.0.1:${new URL(h.origin).port}/contract?token=${h.token}`, { origin: h.origin });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new Client(socket);
  }

  next(): Promise<Reply> {
    const ready = this.replies.shift();
    return ready ? Promise.resolve(ready) : new Promise((resolve) => this.waiting.push(resolve));
  }

  async send(data: string | Buffer, binary = false): Promise<Reply> {
    this.socket.send(data, { binary });
    return this.next();
  }
}

async function normalCallWorks(h: RunningHost): Promise<void> {
  const client = await Client.open(h);
  const reply = await client.send(JSON.stringify({ id: 1, channel: 'setup.getState', request: {} }));
  expect(reply).toMatchObject({ id: 1, result: { ok: true, value: { currentPage: 'connect-aws' } } });
  client.socket.close();
}

/** Raw bytes on a fresh TCP connection; resolves with whatever the server answered before closing. */
function rawHttp(h: RunningHost, bytes: Buffer | string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(new URL(h.origin).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.write(bytes, () => socket.end());
  });
}

describe('test host under hostile input', () => {
  it('HTTP: a malformed escape is 400, traversal is refused, junk requests and huge bodies do not crash it', async () => {
    const h = await start();
    expect((await fetch(`${h.origin}/%ZZ`)).status).toBe(400);
    expect((await fetch(`${h.origin}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${h.origin}/assets/%`)).status).toBe(400);
    expect((await fetch(`${h.origin}/a%00b.js`)).status).toBe(400);
    expect((await fetch(`${h.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
    expect((await fetch(`${h.origin}/${'a/'.repeat(2000)}`)).status).toBe(404);
    expect((await fetch(`${h.origin}/`, { method: 'DELETE' })).status).toBe(405);
    const withToken = { method: 'POST', headers: { 'x-onramp-token': h.token } };
    expect((await fetch(`${h.origin}/__test/dialog`, { ...withToken, body: 'null' })).status).toBe(400);
    expect((await fetch(`${h.origin}/__test/dialog`, { ...withToken, body: '{"open":' })).status).toBe(400);
    const huge = 2 * 1024 * 1024;
    expect(await rawHttp(h, `POST /__test/dialog HTTP/1.1\r\nHost: x\r\nx-onramp-token: ${h.token}\r\nContent-Length: ${huge}\r\n\r\n${'x'.repeat(huge)}`)).not.toMatch(/^HTTP\/1\.1 204/);
    expect(await rawHttp(h, 'GET /%ZZ HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawHttp(h, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400|^$/);
    for (let i = 0; i < 20; i++) await rawHttp(h, randomBytes(1 + (i * 97) % 600));
    for (let i = 0; i < 20; i++) {
      const segment = Array.from(randomBytes(12), (b) => `%${b.toString(16).padStart(2, '0').slice(0, 1 + (b % 2))}`).join('');
      expect([400, 403, 404]).toContain((await fetch(`${h.origin}/${segment}`)).status);
    }
    expect((await fetch(`${h.origin}/`)).status).toBe(200);
    await normalCallWorks(h);
  });

  it('WebSocket: null, non-JSON, no numeric id, binary and bad uploads get typed errors on a connection that keeps working', async () => {
    const h = await start();
    const client = await Client.open(h);
    const reasonOf = (reply: Reply) => [reply.id, reply.result.error?.code, reply.result.error?.params?.['reason']];
    expect(reasonOf(await client.send('null'))).toEqual([null, 'contract.invalidMessage', 'notAnObject']);
    expect(reasonOf(await client.send('42'))).toEqual([null, 'contract.invalidMessage', 'notAnObject']);
    expect(reasonOf(await client.send('[1,2]'))).toEqual([null, 'contract.invalidMessage', 'notAnObject']);
    expect(reasonOf(await client.send('{"id": 1, '))).toEqual([null, 'contract.invalidMessage', 'notJson']);
    expect(reasonOf(await client.send('hello'))).toEqual([null, 'contract.invalidMessage', 'notJson']);
    expect(reasonOf(await client.send('{"channel":"app.info"}'))).toEqual([null, 'contract.invalidMessage', 'noId']);
    expect(reasonOf(await client.send('{"id":"7","channel":"app.info"}'))).toEqual([null, 'contract.invalidMessage', 'noId']);
    expect(reasonOf(await client.send('{"id":1.5,"channel":"app.info"}'))).toEqual([null, 'contract.invalidMessage', 'noId']);
    expect(reasonOf(await client.send(randomBytes(64), true))).toEqual([null, 'contract.invalidMessage', 'binaryFrame']);
    expect(reasonOf(await client.send('{"id":5,"upload":null}'))).toEqual([5, 'contract.invalidMessage', 'badUpload']);
    expect(reasonOf(await client.send('{"id":6,"upload":{"name":"a","base64":"!!!"}}'))).toEqual([6, 'contract.invalidMessage', 'badUpload']);
    const tooBig = Buffer.alloc(300 * 1024).toString('base64');
    expect(reasonOf(await client.send(JSON.stringify({ id: 8, upload: { name: 'big.csv', base64: tooBig } })))).toEqual([8, 'contract.invalidMessage', 'uploadTooLarge']);
    expect(reasonOf(await client.send('{"id":9}'))).toEqual([9, 'contract.unknownChannel', undefined]);
    expect(reasonOf(await client.send('{"id":10,"channel":"vault.import","request":null}'))).toEqual([10, 'contract.invalidRequest', undefined]);
    expect(reasonOf(await client.send('{"id":11,"channel":"__proto__"}'))).toEqual([11, 'contract.unknownChannel', undefined]);
    for (let i = 0; i < 30; i++) {
      const junk = JSON.stringify(randomBytes(8 + i * 13).toString('latin1')).slice(1, -1); // valid UTF-8, arbitrary characters
      expect((await client.send(junk)).result.ok).toBe(false);
    }
    const reply = await client.send(JSON.stringify({ id: 12, channel: 'setup.getState', request: {} }));
    expect(reply).toMatchObject({ id: 12, result: { ok: true } });
    client.socket.close();
  });

  it('WebSocket: an over-size frame closes with 1009 and invalid UTF-8 with 1007; the host keeps serving', async () => {
    const h = await start();
    const big = await Client.open(h);
    big.socket.send('x'.repeat(MAX_FRAME_BYTES + 1));
    expect(await big.closed).toBe(1009);
    const badUtf8 = await Client.open(h);
    badUtf8.socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await badUtf8.closed).toBe(1007);
    await normalCallWorks(h);
  });

  it('an uploaded file (the host page picker) becomes a one-time token vault.import takes once', async () => {
    const h = await start();
    const client = await Client.open(h);
    expect((await client.send(JSON.stringify({ id: 1, channel: 'vault.initKeychain', request: {} }))).result.ok).toBe(true);
    const csv = 'Access key ID,Secret access key\nAKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
    const upload = await client.send(JSON.stringify({ id: 2, upload: { name: 'me_accessKeys.csv', base64: Buffer.from(csv).toString('base64') } }));
    const token = (upload.result.value as { token: string }).token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const request = { source: { kind: 'file', token } };
    const imported = await client.send(JSON.stringify({ id: 3, channel: 'vault.import', request }));
    expect(imported.result).toMatchObject({ ok: true, value: { status: 'imported', fileName: 'me_accessKeys.csv', items: [{ kind: 'aws-access-key' }] } });
    const again = await client.send(JSON.stringify({ id: 4, channel: 'vault.import', request }));
    expect(again.result).toMatchObject({ ok: false, error: { code: 'vault.importFileExpired' } });
    client.socket.close();
  });
});
