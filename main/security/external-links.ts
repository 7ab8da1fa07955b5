/**
 * The only places Onramp opens in the user's browser: https URLs on these hosts
 * (and their subdomains). Everything else is refused in main, whatever the
 * renderer asks.
 */
export const EXTERNAL_HOST_ALLOWLIST = [
  'console.aws.amazon.com',
  'signin.aws.amazon.com',
  'aws.amazon.com',
  'gabia.com',
  'letsencrypt.org',
  'certbot.eff.org',
  // The App step: where a deploy key's public half is added (main/app/git-source.ts#deployKeyPlace).
  'github.com',
  'gitlab.com',
] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return EXTERNAL_HOST_ALLOWLIST.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
