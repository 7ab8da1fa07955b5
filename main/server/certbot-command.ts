/**
 * The certbot command lines of the HTTPS step, from a parsed `httpsRequest`
 * (every value whitelisted by the contract) with each argument quoted.
 *
 * A custom ACME directory's CA certificates are uploaded to ACME_CA_PATH and
 * handed to certbot (Python requests) as REQUESTS_CA_BUNDLE through `env`,
 * which sudo always runs (unlike `sudo VAR=value`, which sudoers may refuse).
 */
import type { HttpsRequest } from '../../common/contract/schemas/server';
import { serverNames } from '../journey/derive';
import { shellCommand } from './shell-quote';

export const ACME_CA_PATH = '/etc/onramp/acme-ca.pem';

/** The certificate's names: the one www rule (main/journey/derive.ts#serverNames). */
function namesOf(request: Pick<HttpsRequest, 'domain' | 'includeWww'>): string[] {
  return serverNames(request.domain, request.includeWww);
}

export { namesOf as certificateNames };

function sudoCertbot(request: Pick<HttpsRequest, 'acme'>): string[] {
  return request.acme ? ['sudo', 'env', `REQUESTS_CA_BUNDLE=${ACME_CA_PATH}`, 'certbot'] : ['sudo', 'certbot'];
}

/** `certbot --nginx … --redirect` (or `certonly --dry-run` for a dry run). */
export function certbotIssueCommand(request: HttpsRequest): string {
  const words = [...sudoCertbot(request)];
  if (request.mode === 'dry-run') words.push('certonly', '--nginx', '--dry-run');
  else words.push('--nginx');
  for (const name of namesOf(request)) words.push('-d', name);
  // The e-mail is optional: Let's Encrypt no longer sends expiry reminders, so without one the account has none.
  if (request.email) words.push('-m', request.email);
  else words.push('--register-unsafely-without-email');
  words.push('--agree-tos', '-n');
  if (request.mode !== 'dry-run') words.push('--redirect');
  if (request.mode === 'staging') words.push('--test-cert');
  if (request.acme) words.push('--server', request.acme.directoryUrl);
  return shellCommand(...words);
}

/**
 * `certbot renew --dry-run`, without certbot's random wait of up to 8 minutes.
 * A dry run swaps the saved ACME server for Let's Encrypt staging unless
 * `--server` is given, so a custom directory is named again.
 */
export function certbotRenewDryRunCommand(request: Pick<HttpsRequest, 'acme'>): string {
  const words = [...sudoCertbot(request), 'renew', '--dry-run', '--no-random-sleep-on-renew'];
  if (request.acme) words.push('--server', request.acme.directoryUrl);
  return shellCommand(...words);
}

/** The tail of certbot's log after a failure (read on the exec channel to explain it). */
export const certbotLogTail = 'sudo -n tail -n 400 /var/log/letsencrypt/letsencrypt.log';
