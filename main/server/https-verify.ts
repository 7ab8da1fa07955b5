/**
 * Verifies the HTTPS step from outside and on the server: http answers 301 to
 * https, the TLS handshake with SNI gives a certificate for the domain with a
 * valid chain (and its expiry), what https answers, HTTP/2 through ALPN, HSTS
 * present (only once the certificate verifies; Onramp adds it then), no version
 * in `Server`, the renewal timer where systemd runs, and `certbot renew --dry-run`.
 */
import type { HttpsRequest, HttpsVerifyReport, VerifyCheck } from '../../common/contract/schemas/server';
import { certbotRenewDryRunCommand, certificateNames } from './certbot-command';
import { probeHttp } from './http-probe';
import { nginxCommands as cmd } from './nginx-commands';
import { holds, type RemoteShell } from './remote';
import { RENEWAL_TIMERS } from './site-watch';
import { probeAlpn, probeTls, revealsVersion, type TlsProbeResult } from './tls-probe';

export interface VerifyDeps {
  remote: RemoteShell;
  host: string;
  signal: AbortSignal;
  renewDryRun: boolean;
  /** The site is the user's hand-edited config (Onramp does not rewrite it): the hints say what to add. */
  siteEdited?: boolean;
}


export async function verifyHttps(request: HttpsRequest, deps: VerifyDeps): Promise<HttpsVerifyReport> {
  const domain = certificateNames(request)[0] ?? request.domain;
  const checks: VerifyCheck[] = [await redirectCheck(deps.host, domain, deps.signal)];
  const tlsResult = await probeTls(deps.host, domain, request.acme?.caPem, deps.signal);
  const certificate = tlsResult.certificate;
  if (!certificate) {
    checks.push({ id: 'certificate', state: 'fail', detail: { key: 'server:verify.noTls', values: { code: tlsResult.error ?? 'none' } } });
  } else if (certificate.chainValid && certificate.names.includes(domain)) {
    checks.push({ id: 'certificate', state: 'pass', detail: { key: 'server:verify.certificateValid', values: { issuer: certificate.issuer, validTo: certificate.validTo.slice(0, 10), days: certificate.daysLeft } } });
  } else {
    const staging = request.mode === 'staging';
    checks.push({
      id: 'certificate',
      state: staging ? 'warn' : 'fail',
      detail: { key: staging ? 'server:verify.stagingUntrusted' : 'server:verify.certificateInvalid', values: { error: certificate.chainError ?? 'name', issuer: certificate.issuer } },
    });
  }
  checks.push(httpsAnswerCheck(tlsResult.httpsStatus, tlsResult.error));
  if (tlsResult.httpsStatus !== 0) {
    const alpn = await probeAlpn(deps.host, domain, deps.signal);
    checks.push(http2Check(alpn, deps.siteEdited === true));
    checks.push(hstsCheck(tlsResult, Boolean(certificate?.chainValid), deps.siteEdited === true));
    checks.push(serverVersionCheck(tlsResult.server));
  }
  checks.push(await renewalTimerCheck(deps.remote));
  if (deps.renewDryRun) {
    const exitCode = await deps.remote.visible(certbotRenewDryRunCommand(request), { timeoutMs: 10 * 60_000 });
    checks.push({ id: 'renewDryRun', state: exitCode === 0 ? 'pass' : 'fail', detail: exitCode === 0 ? undefined : { key: 'server:verify.renewDryRunFailed', values: { exitCode } } });
  }
  return { pass: checks.every((check) => check.state !== 'fail'), checks, certificate };
}

async function redirectCheck(host: string, domain: string, signal: AbortSignal): Promise<VerifyCheck> {
  const probe = await probeHttp(host, domain, signal, 8000, '/onramp-check');
  if (!probe.reached) return { id: 'redirect', state: 'fail', detail: { key: 'server:verify.httpUnreachable', values: { code: probe.code } } };
  const wanted = `https://${domain}/`;
  if ((probe.status === 301 || probe.status === 308) && probe.location?.startsWith(wanted)) {
    return { id: 'redirect', state: 'pass', detail: { key: 'server:verify.redirects', values: { status: probe.status, location: probe.location.slice(0, 200) } } };
  }
  return { id: 'redirect', state: 'fail', detail: { key: 'server:verify.noRedirect', values: { status: probe.status, location: (probe.location ?? '').slice(0, 200) } } };
}

function httpsAnswerCheck(status: number, error: string | undefined): VerifyCheck {
  if (status >= 200 && status < 400) return { id: 'https', state: 'pass', detail: { key: 'server:verify.httpsAnswered', values: { status } } };
  if (status === 502) return { id: 'https', state: 'warn', detail: { key: 'server:answer.appNotListeningShort', values: { status } } };
  if (status === 0) return { id: 'https', state: 'fail', detail: { key: 'server:verify.noTls', values: { code: error ?? 'none' } } };
  return { id: 'https', state: 'warn', detail: { key: 'server:verify.httpsAnswered', values: { status } } };
}

function http2Check(alpn: { protocol?: string; error?: string }, edited: boolean): VerifyCheck {
  if (alpn.protocol === 'h2') return { id: 'http2', state: 'pass', detail: { key: 'server:verify.http2' } };
  return { id: 'http2', state: 'fail', detail: { key: edited ? 'server:verify.noHttp2Edited' : 'server:verify.noHttp2', values: { protocol: alpn.protocol ?? alpn.error ?? 'none' } } };
}

function hstsCheck(tls: TlsProbeResult, verifies: boolean, edited: boolean): VerifyCheck {
  const maxAge = /max-age=(\d+)/i.exec(tls.hsts ?? '')?.[1];
  if (maxAge !== undefined) {
    const key = /includeSubDomains/i.test(tls.hsts ?? '') ? 'server:verify.hstsSubdomains' : 'server:verify.hsts';
    return { id: 'hsts', state: 'pass', detail: { key, values: { maxAge } } };
  }
  // HSTS only once the certificate verifies: a browser would refuse http for the max-age.
  if (!verifies) return { id: 'hsts', state: 'skipped', detail: { key: 'server:verify.hstsWaits' } };
  return { id: 'hsts', state: 'fail', detail: { key: edited ? 'server:verify.noHstsEdited' : 'server:verify.noHsts' } };
}

function serverVersionCheck(server: string | undefined): VerifyCheck {
  if (revealsVersion(server)) return { id: 'serverVersion', state: 'fail', detail: { key: 'server:verify.serverVersion', values: { server: server ?? '' } } };
  return { id: 'serverVersion', state: 'pass', detail: { key: 'server:verify.noServerVersion', values: { server: server ?? '—' } } };
}

async function renewalTimerCheck(remote: RemoteShell): Promise<VerifyCheck> {
  if (!(await holds(remote, cmd.hasSystemd))) return { id: 'renewalTimer', state: 'warn', detail: { key: 'server:verify.noSystemdRenewal' } };
  if (await holds(remote, RENEWAL_TIMERS)) return { id: 'renewalTimer', state: 'pass', detail: { key: 'server:verify.renewalTimer' } };
  return { id: 'renewalTimer', state: 'fail', detail: { key: 'server:verify.noRenewalTimer' } };
}
