/**
 * The TLS handshake a browser would do: to the server's address with SNI =
 * the domain, verifying the chain against the system's roots (plus the custom
 * ACME CA when one is given) and the name. Reports the certificate either way,
 * with what a hardened site sends (`Server` without a version, HSTS), and
 * which protocol the server picks through ALPN when offered h2 (probeAlpn).
 */
import https from 'node:https';
import tls, { type DetailedPeerCertificate, type PeerCertificate } from 'node:tls';
import type { CertificateView } from '../../common/contract/schemas/server';

export interface TlsProbeResult {
  certificate?: CertificateView;
  /** Connection-level failure (refused, timeout) before any certificate was seen. */
  error?: string;
  /** HTTP status of GET / over that TLS connection (0 when none). */
  httpsStatus: number;
  /** The `Server` and `Strict-Transport-Security` headers of that answer. */
  server?: string;
  hsts?: string;
}

function dnField(field: PeerCertificate['subject'] | undefined): string {
  if (!field) return '';
  return Object.entries(field)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

function altNames(cert: PeerCertificate): string[] {
  return (cert.subjectaltname ?? '')
    .split(', ')
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4));
}

export function certificateViewOf(cert: DetailedPeerCertificate, chainError: string | undefined, now = Date.now()): CertificateView {
  const validTo = new Date(cert.valid_to);
  return {
    subject: dnField(cert.subject).slice(0, 512),
    issuer: dnField(cert.issuer).slice(0, 512),
    names: altNames(cert).slice(0, 100),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: validTo.toISOString(),
    daysLeft: Math.floor((validTo.getTime() - now) / 86_400_000),
    chainValid: chainError === undefined,
    chainError: chainError?.slice(0, 128),
  };
}

export function probeTls(host: string, domain: string, extraCaPem: string | undefined, signal: AbortSignal, timeoutMs = 10_000): Promise<TlsProbeResult> {
  const ca = extraCaPem ? [...tls.rootCertificates, extraCaPem] : undefined;
  return new Promise((resolve) => {
    const request = https.request(
      { host, port: 443, path: '/', method: 'GET', servername: domain, headers: { Host: domain }, ca, rejectUnauthorized: false, timeout: timeoutMs, signal, agent: false },
      (response) => {
        const socket = response.socket as tls.TLSSocket;
        const cert = socket.getPeerCertificate(true);
        const chainError = socket.authorized ? nameError(domain, cert) : String(socket.authorizationError ?? 'UNKNOWN');
        response.resume();
        const server = headerOf(response.headers.server);
        const hsts = headerOf(response.headers['strict-transport-security']);
        resolve({
          certificate: cert.raw ? certificateViewOf(cert, chainError) : undefined,
          httpsStatus: response.statusCode ?? 0,
          ...(server !== undefined ? { server } : {}),
          ...(hsts !== undefined ? { hsts } : {}),
        });
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, httpsStatus: 0 }));
    request.end();
  });
}

function nameError(domain: string, cert: PeerCertificate): string | undefined {
  const problem = tls.checkServerIdentity(domain, cert);
  return problem ? 'ERR_TLS_CERT_ALTNAME_INVALID' : undefined;
}

function headerOf(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === undefined ? undefined : text.slice(0, 256);
}

/**
 * The protocol the server picks when offered h2 and http/1.1 through ALPN
 * ('h2' when HTTP/2 is on; 'http/1.1' or false when not), or the
 * connection's error code.
 */
export function probeAlpn(host: string, domain: string, signal: AbortSignal, timeoutMs = 10_000, port = 443): Promise<{ protocol?: string; error?: string }> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host, port, servername: domain, ALPNProtocols: ['h2', 'http/1.1'], rejectUnauthorized: false, timeout: timeoutMs }, () => {
      const protocol = socket.alpnProtocol;
      socket.end();
      resolve({ protocol: typeof protocol === 'string' ? protocol : 'none' });
    });
    const abort = () => socket.destroy(Object.assign(new Error('cancelled'), { code: 'ABORT_ERR' }));
    signal.addEventListener('abort', abort, { once: true });
    socket.on('close', () => signal.removeEventListener('abort', abort));
    socket.on('timeout', () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

/** A `Server` header that names a version ("nginx/1.22.1", "Apache/2.4.58 (Ubuntu)"). */
export function revealsVersion(server: string | undefined): boolean {
  return server !== undefined && /\/\s*\d/.test(server);
}
