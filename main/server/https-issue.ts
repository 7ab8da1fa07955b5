/**
 * The HTTPS step's main run: preflight (stop before the CA is asked when it
 * fails), certbot installed if missing, the custom ACME CA uploaded when one
 * is given, `certbot --nginx … --redirect` typed into the visible terminal,
 * a failure explained from certbot's log (and counted: after two, the rate
 * limit guard stops further tries), then the verification.
 *
 * Idempotent: certbot keeps an existing valid certificate ("Certificate not
 * yet due for renewal") and re-installs it; the install steps skip what exists.
 */
import { randomBytes } from 'node:crypto';
import type { HttpsRequest, HttpsVerifyReport, PreflightReport } from '../../common/contract/schemas/server';
import { AppError } from '../../common/errors';
import { ACME_CA_PATH, certbotIssueCommand, certbotLogTail, certificateNames } from './certbot-command';
import { classifyCertbotFailure, isValidationFailure, type CertbotFailure } from './certbot-failure';
import { ensureCertbot } from './certbot-install';
import type { FailureLedger } from './failure-ledger';
import { runPreflight, type PreflightDeps } from './https-preflight';
import { verifyHttps } from './https-verify';
import { throwIfCancelled, visibleOrFail, type RemoteShell } from './remote';
import type { StepRunContext } from './remote-steps';
import { shellCommand } from './shell-quote';

export interface IssueDeps extends Omit<PreflightDeps, 'signal'> {
  ledger: FailureLedger;
}

export interface IssueOutcome {
  preflight: PreflightReport;
  installedCertbot: boolean;
  issued: boolean;
  verify?: HttpsVerifyReport;
}

const FAILURE_CODES: Record<CertbotFailure, string> = {
  rateLimited: 'server.certbotRateLimited',
  dns: 'server.certbotDns',
  caa: 'server.certbotCaa',
  connection: 'server.certbotConnection',
  unauthorized: 'server.certbotUnauthorized',
  noServerBlock: 'server.certbotNoServerBlock',
  nginxPlugin: 'server.certbotNginxPlugin',
  acmeUnreachable: 'server.certbotAcmeUnreachable',
  unknown: 'server.certbotFailed',
};

export function ledgerKey(request: HttpsRequest): string {
  return `${certificateNames(request).join(',')}@${request.acme?.directoryUrl ?? (request.mode === 'production' ? 'letsencrypt' : 'letsencrypt-staging')}`;
}

export async function issueCertificate(request: HttpsRequest, deps: IssueDeps, context: StepRunContext): Promise<IssueOutcome> {
  const key = ledgerKey(request);
  await deps.ledger.assertMayTry(key);
  context.progress({ phase: 'server:phases.preflight', fraction: 0.05 });
  const preflight = await runPreflight(request, { ...deps, signal: context.signal });
  if (!preflight.pass) return { preflight, installedCertbot: false, issued: false };

  throwIfCancelled(context.signal);
  const installedCertbot = await ensureCertbot(deps.remote, context);
  if (request.acme) await uploadAcmeCa(deps.remote, request.acme.caPem);

  throwIfCancelled(context.signal);
  context.progress({ phase: 'server:phases.certbot', fraction: 0.5 });
  const exitCode = await deps.remote.visible(certbotIssueCommand(request), { timeoutMs: 15 * 60_000 });
  if (exitCode !== 0) throw await explainFailure(deps.remote, deps.ledger, key, exitCode);
  await deps.ledger.clear(key);
  if (request.mode === 'dry-run') return { preflight, installedCertbot, issued: false };

  context.progress({ phase: 'server:phases.verifyHttps', fraction: 0.8 });
  const verify = await verifyHttps(request, { remote: deps.remote, host: deps.host, signal: context.signal, renewDryRun: true });
  return { preflight, installedCertbot, issued: true, verify };
}

async function uploadAcmeCa(remote: RemoteShell, caPem: string): Promise<void> {
  const temp = `/tmp/onramp-acme-ca-${randomBytes(6).toString('hex')}.pem`;
  await remote.upload(temp, caPem.endsWith('\n') ? caPem : `${caPem}\n`, 0o644);
  const install = `${shellCommand('sudo', 'install', '-D', '-m', '644', temp, ACME_CA_PATH)} && ${shellCommand('rm', '-f', temp)}`;
  await visibleOrFail(remote, install, 'server.acmeCaUploadFailed', { path: ACME_CA_PATH });
}

async function explainFailure(remote: RemoteShell, ledger: FailureLedger, key: string, exitCode: number): Promise<AppError> {
  const log = await remote.exec(certbotLogTail, { timeoutMs: 30_000, maxOutputBytes: 512 * 1024 }).catch(() => undefined);
  const kind = classifyCertbotFailure(log?.stdout ?? '');
  const failures = isValidationFailure(kind) || kind === 'rateLimited' ? await ledger.recordFailure(key) : 0;
  return new AppError(FAILURE_CODES[kind], `certbot failed (${kind}, exit ${exitCode})`, { exitCode, failures });
}
