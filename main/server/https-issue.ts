/**
 * The HTTPS step's main run: preflight (stop before the CA is asked when it
 * fails), certbot installed if missing, the custom ACME CA uploaded when one
 * is given, `certbot --nginx … --redirect` typed into the visible terminal,
 * a failure explained from certbot's log (and counted per hostname against
 * Let's Encrypt's bucket of failed authorizations, failure-ledger.ts; a
 * paused hostname explained with its unpause link), then the site rewritten
 * hardened with the certificate (https-harden.ts), then the verification.
 *
 * Idempotent: certbot keeps an existing valid certificate ("Certificate not
 * yet due for renewal") and re-installs it; the install steps skip what exists.
 */
import { randomBytes } from 'node:crypto';
import type { HttpsRequest, HttpsVerifyReport, PreflightReport } from '../../common/contract/schemas/server';
import { AppError, type ErrorCode } from '../../common/errors';
import { ACME_CA_PATH, certbotIssueCommand, certbotLogTail, certificateNames } from './certbot-command';
import type { MessageRef } from '../../common/contract/schemas/operations';
import { classifyCertbotFailure, isValidationFailure, unpauseUrlOf, type CertbotFailure } from './certbot-failure';
import { ensureCertbot } from './certbot-install';
import type { FailureLedger } from './failure-ledger';
import { hardenSite, type HardenDeps } from './https-harden';
import { runPreflight, type PreflightDeps } from './https-preflight';
import { verifyHttps } from './https-verify';
import { throwIfCancelled, visibleOrFail, type RemoteShell } from './remote';
import type { StepRunContext } from './remote-steps';
import { shellCommand } from './shell-quote';

export interface IssueDeps extends Omit<PreflightDeps, 'signal'>, Pick<HardenDeps, 'webServer' | 'editedConfig'> {
  ledger: FailureLedger;
}

export interface IssueOutcome {
  preflight: PreflightReport;
  installedCertbot: boolean;
  certbotNote?: MessageRef;
  issued: boolean;
  verify?: HttpsVerifyReport;
}

const FAILURE_CODES = {
  paused: 'server.certbotPaused',
  rateLimited: 'server.certbotRateLimited',
  dns: 'server.certbotDns',
  caa: 'server.certbotCaa',
  connection: 'server.certbotConnection',
  unauthorized: 'server.certbotUnauthorized',
  noServerBlock: 'server.certbotNoServerBlock',
  nginxPlugin: 'server.certbotNginxPlugin',
  acmeUnreachable: 'server.certbotAcmeUnreachable',
  unknown: 'server.certbotFailed',
} as const satisfies Record<CertbotFailure, ErrorCode>;

/** One ledger key per hostname and ACME server: Let's Encrypt counts failed authorizations per hostname per account. */
export function ledgerKeys(request: HttpsRequest): string[] {
  const ca = request.acme?.directoryUrl ?? (request.mode === 'production' ? 'letsencrypt' : 'letsencrypt-staging');
  return certificateNames(request).map((name) => `${name}@${ca}`);
}

export async function issueCertificate(request: HttpsRequest, deps: IssueDeps, context: StepRunContext): Promise<IssueOutcome> {
  const key = ledgerKeys(request);
  await deps.ledger.assertMayTry(key);
  context.progress({ phase: 'server:phases.preflight', fraction: 0.05 });
  const preflight = await runPreflight(request, { ...deps, signal: context.signal });
  if (!preflight.pass) return { preflight, installedCertbot: false, issued: false };

  throwIfCancelled(context.signal);
  const certbot = await ensureCertbot(deps.remote, context);
  const installedCertbot = certbot.installed;
  const note = certbot.note ? { certbotNote: certbot.note } : {};
  if (request.acme) await uploadAcmeCa(deps.remote, request.acme.caPem);

  throwIfCancelled(context.signal);
  context.progress({ phase: 'server:phases.certbot', fraction: 0.5 });
  const exitCode = await deps.remote.visible(certbotIssueCommand(request), { timeoutMs: 15 * 60_000 });
  if (exitCode !== 0) throw await explainFailure(deps.remote, deps.ledger, key, exitCode);
  await deps.ledger.clear(key);
  if (request.mode === 'dry-run') return { preflight, installedCertbot, ...note, issued: false };

  throwIfCancelled(context.signal);
  await hardenSite(request, { remote: deps.remote, host: deps.host, webServer: deps.webServer, editedConfig: deps.editedConfig }, context);
  context.progress({ phase: 'server:phases.verifyHttps', fraction: 0.8 });
  const verify = await verifyHttps(request, { remote: deps.remote, host: deps.host, signal: context.signal, renewDryRun: true, siteEdited: deps.editedConfig });
  return { preflight, installedCertbot, ...note, issued: true, verify };
}

async function uploadAcmeCa(remote: RemoteShell, caPem: string): Promise<void> {
  const temp = `/tmp/onramp-acme-ca-${randomBytes(6).toString('hex')}.pem`;
  await remote.upload(temp, caPem.endsWith('\n') ? caPem : `${caPem}\n`, 0o644);
  const install = `${shellCommand('sudo', 'install', '-D', '-m', '644', temp, ACME_CA_PATH)} && ${shellCommand('rm', '-f', temp)}`;
  await visibleOrFail(remote, install, 'server.acmeCaUploadFailed', { path: ACME_CA_PATH });
}

async function explainFailure(remote: RemoteShell, ledger: FailureLedger, key: string[], exitCode: number): Promise<AppError> {
  const log = await remote.exec(certbotLogTail, { timeoutMs: 30_000, maxOutputBytes: 512 * 1024 }).catch(() => undefined);
  const text = log?.stdout ?? '';
  const kind = classifyCertbotFailure(text);
  const failures = isValidationFailure(kind) || kind === 'rateLimited' ? await ledger.recordFailure(key) : 0;
  const message = `certbot failed (${kind}, exit ${exitCode})`;
  if (kind === 'paused') return new AppError(FAILURE_CODES[kind], message, { exitCode, failures, unpauseUrl: unpauseUrlOf(text) ?? 'https://portal.letsencrypt.org' });
  return new AppError(FAILURE_CODES[kind], message, { exitCode, failures });
}
