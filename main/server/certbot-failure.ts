/**
 * Explains a failed certbot run from the tail of its log: which classic
 * problem the CA reported, so the user sees the fix instead of a stack trace.
 * One pass per pattern over a bounded text (the last 400 lines).
 */
export type CertbotFailure =
  | 'paused'
  | 'rateLimited'
  | 'dns'
  | 'caa'
  | 'connection'
  | 'unauthorized'
  | 'noServerBlock'
  | 'nginxPlugin'
  | 'acmeUnreachable'
  | 'unknown';

const PATTERNS: [CertbotFailure, RegExp][] = [
  // After a long run of failures Let's Encrypt pauses the hostname for the account until it is unpaused on its portal.
  ['paused', /temporarily prevented from requesting certificates|portal\.letsencrypt\.org\/sfe\/v1\/unpause/i],
  ['rateLimited', /too many (?:failed authorizations|certificates|new orders|registrations)|urn:ietf:params:acme:error:rateLimited/i],
  ['caa', /CAA record for [^\s]+ prevents issuance|urn:ietf:params:acme:error:caa/i],
  ['dns', /DNS problem|NXDOMAIN|no valid A records|urn:ietf:params:acme:error:dns/i],
  ['connection', /Timeout during connect|Connection refused|connection reset|likely firewall problem|urn:ietf:params:acme:error:connection/i],
  ['unauthorized', /Invalid response from|urn:ietf:params:acme:error:unauthorized|404 Not Found/i],
  ['noServerBlock', /Could not automatically find a matching server block|Unable to find a virtual host/i],
  ['nginxPlugin', /requested nginx plugin does not appear to be installed|nginx restart failed|Error while running nginx/i],
  ['acmeUnreachable', /Failed to establish a new connection|CERTIFICATE_VERIFY_FAILED|Max retries exceeded|Unable to reach/i],
];

export function classifyCertbotFailure(log: string): CertbotFailure {
  const tail = log.length > 256 * 1024 ? log.slice(-256 * 1024) : log;
  for (const [kind, pattern] of PATTERNS) if (pattern.test(tail)) return kind;
  return 'unknown';
}

/**
 * The unpause link Let's Encrypt gives for a paused hostname ("Please visit:
 * https://portal.letsencrypt.org/sfe/v1/unpause?jwt=…"): only that portal's
 * address, with plain characters, is passed on to be shown.
 */
export function unpauseUrlOf(log: string): string | undefined {
  const match = /https:\/\/portal\.letsencrypt\.org\/sfe\/v1\/unpause\?[A-Za-z0-9._~=&%-]{1,2000}/.exec(log);
  return match?.[0];
}

/** Whether the failure counts against Let's Encrypt's 5 failed authorizations per hostname per account. */
export function isValidationFailure(kind: CertbotFailure): boolean {
  return kind === 'dns' || kind === 'caa' || kind === 'connection' || kind === 'unauthorized' || kind === 'unknown';
}
