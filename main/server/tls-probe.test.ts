/**
 * What the verify step reads from a TLS server, against a real local TLS
 * server (Node's, self-signed): ALPN with h2 offered, and a `Server` header
 * that names a version.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import http2 from 'node:http2';
import { afterAll, describe, expect, it } from 'vitest';
import { probeAlpn, revealsVersion } from './tls-probe';

const never = new AbortController().signal;
const credentials = () => ({ key: readFileSync(path.join(dir, 'k.pem')), cert: readFileSync(path.join(dir, 'c.pem')) });

const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-alpn-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=a.test', '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem')], { stdio: 'ignore' });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the TLS probe', () => {
  it('reports h2 from a server with HTTP/2, http/1.1 from one without, and a refused connection as its error', async () => {
    const h2 = http2.createSecureServer({ ...credentials(), allowHTTP1: true }, (_req, res) => res.end('ok'));
    const h1 = https.createServer({ ...credentials(), ALPNProtocols: ['http/1.1'] }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => h2.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => h1.listen(0, '127.0.0.1', resolve));
    expect(await probeAlpn('127.0.0.1', 'a.test', never, 5000, (h2.address() as AddressInfo).port)).toEqual({ protocol: 'h2' });
    expect(await probeAlpn('127.0.0.1', 'a.test', never, 5000, (h1.address() as AddressInfo).port)).toEqual({ protocol: 'http/1.1' });
    const closedPort = (h1.address() as AddressInfo).port;
    await new Promise((resolve) => h1.close(resolve));
    await new Promise((resolve) => h2.close(resolve));
    expect(await probeAlpn('127.0.0.1', 'a.test', never, 5000, closedPort)).toEqual({ error: 'ECONNREFUSED' });
  });

  it('knows a Server header that names a version', () => {
    expect(revealsVersion('nginx/1.22.1')).toBe(true);
    expect(revealsVersion('nginx/1.24.0 (Ubuntu)')).toBe(true);
    expect(revealsVersion('Apache/2.4.58 (Ubuntu)')).toBe(true);
    expect(revealsVersion('nginx')).toBe(false);
    expect(revealsVersion(undefined)).toBe(false);
  });
});
