/**
 * Where the site's certificate is, so a rewrite of the site keeps HTTPS: read
 * from the site file certbot edited (`ssl_certificate`, `ssl_certificate_key`,
 * its `include options-ssl-nginx.conf` and `ssl_dhparam`, and the HSTS header
 * Onramp added), or, when the file has none, certbot's usual lineage paths
 * under /etc/letsencrypt/live/<site>/ when they exist on the server.
 */
import { nginxCommands as cmd } from './nginx-commands';
import { holds, type RemoteShell } from './remote';

export interface Hsts {
  maxAge: number;
  includeSubDomains: boolean;
}

export interface SiteTls {
  certificate: string;
  key: string;
  /** certbot's recommended TLS settings, when certbot wrote them. */
  options?: string;
  dhparam?: string;
  /** Only once the certificate verified (the HTTPS step decides). */
  hsts?: Hsts;
}

/**
 * HSTS starts short: a browser that saw it refuses plain http for max-age
 * seconds, so a first mistake (a certificate that lapses, a domain moved)
 * locks visitors out for a day at most, not a year.
 */
export const HSTS_FIRST_MAX_AGE = 86_400;

export const LETSENCRYPT_OPTIONS = '/etc/letsencrypt/options-ssl-nginx.conf';
export const LETSENCRYPT_DHPARAM = '/etc/letsencrypt/ssl-dhparams.pem';
const SAFE_PATH = /^\/[A-Za-z0-9._/-]{1,250}$/;

function directive(config: string, name: string): string | undefined {
  const value = new RegExp(`^\\s*${name}\\s+(\\S+?);`, 'm').exec(config)?.[1];
  return value && SAFE_PATH.test(value) && !value.split('/').includes('..') ? value : undefined;
}

export function hstsOf(config: string): Hsts | undefined {
  const match = /^\s*add_header\s+Strict-Transport-Security\s+"max-age=(\d{1,9})(;\s*includeSubDomains)?[^"]*"/im.exec(config);
  if (!match) return undefined;
  return { maxAge: Number(match[1]), includeSubDomains: Boolean(match[2]) };
}

/** The TLS part of a site file (certbot's or Onramp's), or undefined when it has none. */
export function tlsOf(config: string): SiteTls | undefined {
  const certificate = directive(config, 'ssl_certificate');
  const key = directive(config, 'ssl_certificate_key');
  if (!certificate || !key) return undefined;
  const include = directive(config, 'include');
  const options = include === LETSENCRYPT_OPTIONS ? include : undefined;
  const dhparam = directive(config, 'ssl_dhparam');
  const hsts = hstsOf(config);
  return { certificate, key, ...(options ? { options } : {}), ...(dhparam ? { dhparam } : {}), ...(hsts ? { hsts } : {}) };
}

/** certbot's lineage name from a certificate path (/etc/letsencrypt/live/<name>/fullchain.pem). */
export function certNameOf(tls: Pick<SiteTls, 'certificate'>): string | undefined {
  return /^\/etc\/letsencrypt\/live\/([A-Za-z0-9._-]+)\//.exec(tls.certificate)?.[1];
}

/** The TLS part to keep: the previous site file's, else certbot's lineage for the site if it exists on the server. */
export async function findSiteTls(remote: RemoteShell, site: string, previous: string | undefined): Promise<SiteTls | undefined> {
  const fromFile = previous ? tlsOf(previous) : undefined;
  if (fromFile) return fromFile;
  const live = `/etc/letsencrypt/live/${site}`;
  const certificate = `${live}/fullchain.pem`;
  const key = `${live}/privkey.pem`;
  if (!(await holds(remote, cmd.fileExists(certificate))) || !(await holds(remote, cmd.fileExists(key)))) return undefined;
  const options = (await holds(remote, cmd.fileExists(LETSENCRYPT_OPTIONS))) ? LETSENCRYPT_OPTIONS : undefined;
  const dhparam = (await holds(remote, cmd.fileExists(LETSENCRYPT_DHPARAM))) ? LETSENCRYPT_DHPARAM : undefined;
  return { certificate, key, ...(options ? { options } : {}), ...(dhparam ? { dhparam } : {}) };
}
