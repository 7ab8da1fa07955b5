/**
 * The TLS handshake a browser would do: to the server's address with SNI =
 * the domain, verifying the chain against the system's roots (plus the custom
 * ACME CA when one is given) and the name. Reports the certificate either way.
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
        resolve({ certificate: cert.raw ? certificateViewOf(cert, chainError) : undefined, httpsStatus: response.statusCode ?? 0 });
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
