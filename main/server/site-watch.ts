/**
 * The certificate and site watch (issue 23): Let's Encrypt stopped e-mailing
 * before certificates lapse (2025-06), and lifetimes shrink (64 days from
 * 2027-02, 45 from 2028-02), so Onramp looks itself, at every start and on
 * Re-check, for the setup with HTTPS:
 *
 * - a TLS handshake to the domain (its address in DNS, else the step's
 *   server) with SNI: days to expiry, the issuer, the names, the chain;
 * - what the site answers;
 * - where the server's SSH key is in the vault and its host key is pinned:
 *   whether certbot's renewal timer exists and whether its last run failed.
 *
 * It warns when fewer than WARN_DAYS are left, the certificate does not
 * verify, a renewal failed or nothing renews, or the site does not answer.
 * Nothing here blocks: each part has its own timeout and the whole check is
 * bounded; an SSH failure only makes the renewal 'unknown'.
 */
import { lookup } from 'node:dns/promises';
import type { MessageRef } from '../../common/contract/schemas/operations';
import { domainName, type CertificateView, type SiteWatchReport } from '../../common/contract/schemas/server';
import type { SetupState } from '../../common/contract/schemas/setup';
import { probeHttp } from './http-probe';
import { nginxCommands as cmd } from './nginx-commands';
import { holds, sshRemote, type RemoteSsh } from './remote';
import type { ServerStepDeps } from './server-deps';
import { chosenDomain, isServer, reachableServer } from './steps/server-reach';
import { probeTls } from './tls-probe';

/** Warn with fewer days than this left. */
export const WARN_DAYS = 20;

/**
 * The warning threshold for a certificate's own lifetime: WARN_DAYS, but never
 * before its renewal is due. Renewal comes at about a third of the lifetime
 * left (Let's Encrypt's ARI window; certbot's default for short lifetimes):
 * 30 of 90 days, about 21 of 64, 15 of 45. So a 45-day certificate warns
 * below 13 days (30 %), not while its renewal has not even started.
 */
export function warnDaysFor(certificate: Pick<CertificateView, 'validFrom' | 'validTo'>): number {
  const lifetime = (Date.parse(certificate.validTo) - Date.parse(certificate.validFrom)) / 86_400_000;
  if (!Number.isFinite(lifetime) || lifetime <= 0) return WARN_DAYS;
  return Math.min(WARN_DAYS, Math.floor(lifetime * 0.3));
}
export const WATCH_TIMEOUT_MS = 30_000;

export const RENEWAL_TIMERS = "systemctl list-timers --all --no-legend 2>/dev/null | grep -Eq 'snap\\.certbot\\.renew\\.timer|certbot\\.timer'";
export const RENEWAL_FAILED = 'systemctl is-failed --quiet snap.certbot.renew.service 2>/dev/null || systemctl is-failed --quiet certbot.service 2>/dev/null';

export interface WatchDeps extends Pick<ServerStepDeps, 'knownHosts'> {
  ssh: RemoteSsh;
  now?: () => number;
  /** The address to reach the domain at; the default asks DNS and falls back to the step's server. */
  resolve?: (domain: string, fallback: string) => Promise<string>;
}

/** The domain to watch: a setup whose HTTPS step issued (or tried) a real or staging certificate. */
export function watchedDomain(setup: SetupState): string | undefined {
  const https = setup.choices.https;
  const hasHttps = setup.completed.includes('https') || (https !== undefined && https.mode !== 'dry-run');
  if (!hasHttps) return undefined;
  const parsed = domainName.safeParse(chosenDomain(setup) ?? '');
  return parsed.success ? parsed.data : undefined;
}

async function dnsOr(domain: string, fallback: string): Promise<string> {
  try {
    return (await lookup(domain, { family: 4 })).address;
  } catch {
    return fallback;
  }
}

export async function watchSite(setup: SetupState, deps: WatchDeps, signal: AbortSignal): Promise<SiteWatchReport | undefined> {
  const domain = watchedDomain(setup);
  if (!domain) return undefined;
  const now = deps.now ?? Date.now;
  const server = await reachableServer(deps, setup).catch(() => undefined);
  const serverHost = server && isServer(server) ? server.target.host : setup.resources.elasticIp ?? setup.choices.ownServer?.host ?? domain;
  const host = await (deps.resolve ?? dnsOr)(domain, serverHost);

  const [tls, renewal] = await Promise.all([
    probeTls(host, domain, setup.choices.https?.acme?.caPem, signal, 8000),
    server && isServer(server) ? renewalOf(deps.ssh, server.target, signal) : Promise.resolve('unknown' as const),
  ]);
  let httpStatus = tls.httpsStatus;
  if (httpStatus === 0) {
    const http = await probeHttp(host, domain, signal, 8000);
    httpStatus = http.reached ? http.status : 0;
  }
  const partial = { domain, checkedAt: new Date(now()).toISOString(), ...(tls.certificate ? { certificate: tls.certificate } : {}), ...(tls.error ? { tlsError: tls.error.slice(0, 64) } : {}), httpStatus, renewal };
  const reasons = verdictReasons(partial);
  const summary: MessageRef[] = tls.certificate ? [{ key: 'server:watch.ok', values: { domain, days: tls.certificate.daysLeft, validTo: tls.certificate.validTo.slice(0, 10) } }] : [];
  return { ...partial, verdict: reasons.length > 0 ? 'warn' : 'ok', reasons: reasons.length > 0 ? reasons : summary };
}

type Renewal = SiteWatchReport['renewal'];

async function renewalOf(ssh: RemoteSsh, target: Parameters<typeof sshRemote>[1], signal: AbortSignal): Promise<Renewal> {
  const remote = sshRemote(ssh, target);
  const ask = async (): Promise<Renewal> => {
    if (!(await holds(remote, cmd.hasSystemd, 10_000))) return 'noSystemd';
    if (!(await holds(remote, RENEWAL_TIMERS, 10_000))) return 'noTimer';
    return (await holds(remote, RENEWAL_FAILED, 10_000)) ? 'failed' : 'timer';
  };
  const bounded = new Promise<Renewal>((resolve) => {
    const timer = setTimeout(() => resolve('unknown'), 20_000);
    signal.addEventListener('abort', () => resolve('unknown'), { once: true });
    ask().then(resolve, () => resolve('unknown')).finally(() => clearTimeout(timer));
  });
  return bounded;
}

/** Why the watch warns (empty: all is well). */
export function verdictReasons(report: Omit<SiteWatchReport, 'verdict' | 'reasons'>): MessageRef[] {
  const reasons: MessageRef[] = [];
  const cert = report.certificate;
  if (!cert) reasons.push({ key: 'server:watch.noTls', values: { domain: report.domain, code: report.tlsError ?? 'none' } });
  else {
    if (cert.daysLeft < 0) reasons.push({ key: 'server:watch.expired', values: { validTo: cert.validTo.slice(0, 10) } });
    else if (cert.daysLeft < warnDaysFor(cert)) reasons.push({ key: 'server:watch.expiresSoon', values: { days: cert.daysLeft, validTo: cert.validTo.slice(0, 10) } });
    if (!cert.chainValid || !cert.names.includes(report.domain)) reasons.push({ key: 'server:watch.invalid', values: { error: cert.chainError ?? 'name', issuer: cert.issuer } });
  }
  if (report.renewal === 'failed') reasons.push({ key: 'server:watch.renewalFailed' });
  if (report.renewal === 'noTimer') reasons.push({ key: 'server:watch.noRenewalTimer' });
  if (report.renewal === 'noSystemd') reasons.push({ key: 'server:watch.noSystemd' });
  if (report.httpStatus === 0) reasons.push({ key: 'server:watch.siteDown', values: { domain: report.domain } });
  else if (report.httpStatus >= 500) reasons.push({ key: 'server:watch.siteError', values: { domain: report.domain, status: report.httpStatus } });
  return reasons;
}
