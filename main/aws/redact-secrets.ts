const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g;
/** Secret keys are 40 base64 characters; session tokens are much longer runs. */
const LONG_BASE64_RUN = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40,}(?![A-Za-z0-9/+=])/g;

/**
 * Defence in depth for log text: SDK messages do not contain credentials, but
 * if anything ever looks like an access key id, secret key or session token it
 * is masked before it can reach a log line or the UI.
 */
export function redactSecrets(text: string): string {
  return text.replace(ACCESS_KEY_ID, '[access-key-id]').replace(LONG_BASE64_RUN, '[redacted]');
}
