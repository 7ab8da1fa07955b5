/**
 * The nginx site Onramp generates for the Web server step, hardened the way
 * nginxconfig.io does it: a reverse proxy to the app on 127.0.0.1:<port> with
 * the forwarding headers, optionally `/static/` served from a folder, no
 * version in `Server` (`server_tokens off`), `X-Content-Type-Options`, a frame
 * and a referrer policy, gzip for text types, and `listen [::]:…` where the
 * server has IPv6.
 *
 * Once a certificate exists (site-tls.ts reads where certbot put it), Onramp
 * writes the HTTPS server itself: port 80 redirects, port 443 serves with
 * HTTP/2 (`http2 on;` from nginx 1.25.1, `listen 443 ssl http2` before) and,
 * once the certificate verified, HSTS. So running the Web server step again
 * after HTTPS keeps HTTPS.
 *
 * Every server carries `add_header X-Onramp-Site <marker> always;`: the
 * marker names the site and a hash of this very config, so the step can
 * prove an answer comes from this config (not the default site, not old
 * workers still running the previous one).
 *
 * Input is the parsed `webServerForm` (common/contract/schemas/server.ts), so
 * every value already matched a whitelist pattern; `assertConfigSafe` checks
 * once more that no value can close a directive or a block.
 */
import { createHash } from 'node:crypto';
import { webServerForm, type WebServerForm, type WebServerFormInput } from '../../common/contract/schemas/server';
import { AppError } from '../../common/errors';
import { serverNames } from '../journey/derive';
import type { SiteTls } from './site-tls';

export const SITES_AVAILABLE = '/etc/nginx/sites-available';
export const SITES_ENABLED = '/etc/nginx/sites-enabled';
export const MARKER_HEADER = 'X-Onramp-Site';
/** The first version with the `http2` directive (the `http2` listen parameter is deprecated from then on). */
export const HTTP2_DIRECTIVE_SINCE: NginxVersion = [1, 25, 1];

export type NginxVersion = [number, number, number];

/** What the server is like: decides the listens and how HTTP/2 is switched on. */
export interface SiteEnvironment {
  /** From `nginx -v`; unknown means the older `listen 443 ssl http2` form, which every version since 1.9.5 reads. */
  nginxVersion?: NginxVersion;
  /** The host has IPv6 (`/proc/net/if_inet6` lists an address): also listen on [::]. */
  ipv6: boolean;
  /** A certificate exists: write the HTTPS server too. */
  tls?: SiteTls;
}

export interface SitePlan {
  /** File name under sites-available / sites-enabled: the ASCII domain. */
  site: string;
  availablePath: string;
  enabledPath: string;
  /** server_name values, in order. */
  names: string[];
  config: string;
  /** The value of the X-Onramp-Site header this config sends. */
  marker: string;
}

/** Parse the form (throws `server.invalidForm` naming the fields) and generate the site. */
export function planSite(input: WebServerFormInput, env?: SiteEnvironment): SitePlan {
  const parsed = webServerForm.safeParse(input);
  if (!parsed.success) {
    const staticDir = input.staticDir ?? '';
    const dirIssues = parsed.error.issues.filter((issue) => issue.path[0] === 'staticDir');
    if (dirIssues.length > 0 && dirIssues.every((issue) => issue.message.startsWith('only a folder'))) {
      throw new AppError('server.staticDirRefused', `${staticDir} may not be served.`, { path: staticDir.slice(0, 255) });
    }
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'form')))].join(', ');
    throw new AppError('server.invalidForm', `Invalid web server settings: ${fields}`, { fields });
  }
  return planFromForm(parsed.data, env);
}

/** The server_name values: the one www rule (main/journey/derive.ts#serverNames). */
export function siteNames(form: Pick<WebServerForm, 'domain' | 'includeWww'>): string[] {
  return serverNames(form.domain, form.includeWww);
}

export function planFromForm(form: WebServerForm, env: SiteEnvironment = { ipv6: false }): SitePlan {
  const names = siteNames(form);
  const site = names[0] ?? form.domain;
  const config = generateSiteConfig(form, names, env);
  return {
    site,
    availablePath: `${SITES_AVAILABLE}/${site}`,
    enabledPath: `${SITES_ENABLED}/${site}`,
    names,
    config,
    marker: siteMarkerOf(config) ?? '',
  };
}

export function parseNginxVersion(output: string): NginxVersion | undefined {
  const match = /nginx\/(\d{1,4})\.(\d{1,4})\.(\d{1,4})/.exec(output);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function hasHttp2Directive(version: NginxVersion | undefined): boolean {
  if (!version) return false;
  for (let i = 0; i < 3; i += 1) {
    const a = version[i] ?? 0;
    const b = HTTP2_DIRECTIVE_SINCE[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** The X-Onramp-Site value a config sends (undefined when the user's edit removed it). */
export function siteMarkerOf(config: string): string | undefined {
  return new RegExp(`^\\s*add_header\\s+${MARKER_HEADER}\\s+([A-Za-z0-9._/-]+)\\s+always;`, 'm').exec(config)?.[1];
}

const PLACEHOLDER = '@MARKER@';

export function generateSiteConfig(form: WebServerForm, names = siteNames(form), env: SiteEnvironment = { ipv6: false }): string {
  const tls = env.tls;
  assertConfigSafe([...names, String(form.appPort), form.clientMaxBodySize, form.staticDir ?? '', form.siteRoot ?? '', tls?.certificate ?? '', tls?.key ?? '', tls?.options ?? '', tls?.dhparam ?? '']);
  const lines = [`# Generated by Onramp for ${names.join(' ')}`];
  if (tls) lines.push(...redirectServer(names, env), '', ...httpsServer(form, names, env, tls));
  else lines.push(...siteServer(form, names, listens('80', env), []));
  const template = `${lines.join('\n')}\n`;
  const hash = createHash('sha256').update(template).digest('hex').slice(0, 12);
  return template.split(PLACEHOLDER).join(`${names[0] ?? 'site'}/${hash}`);
}

function listens(port: '80' | '443', env: SiteEnvironment): string[] {
  const suffix = port === '443' ? (hasHttp2Directive(env.nginxVersion) ? ' ssl' : ' ssl http2') : '';
  const result = [`    listen ${port}${suffix};`];
  if (env.ipv6) result.push(`    listen [::]:${port}${suffix};`);
  if (port === '443' && hasHttp2Directive(env.nginxVersion)) result.push('    http2 on;');
  return result;
}

/** Headers every answer carries (`always`: error pages and redirects too). */
function headerLines(hsts: SiteTls['hsts']): string[] {
  const lines = [
    '    # Onramp checks that answers come from this site (the hash changes with the config)',
    `    add_header ${MARKER_HEADER} ${PLACEHOLDER} always;`,
    '    server_tokens off;',
    '    add_header X-Content-Type-Options nosniff always;',
    '    add_header X-Frame-Options SAMEORIGIN always;',
    '    add_header Referrer-Policy strict-origin-when-cross-origin always;',
  ];
  if (hsts) lines.push(`    add_header Strict-Transport-Security "max-age=${hsts.maxAge}${hsts.includeSubDomains ? '; includeSubDomains' : ''}" always;`);
  return lines;
}

const GZIP = [
  '    gzip on;',
  '    gzip_vary on;',
  '    gzip_proxied any;',
  '    gzip_comp_level 6;',
  '    gzip_types text/plain text/css text/xml text/javascript application/javascript application/json application/xml application/rss+xml image/svg+xml;',
];

function redirectServer(names: string[], env: SiteEnvironment): string[] {
  return [
    'server {',
    ...listens('80', env),
    `    server_name ${names.join(' ')};`,
    '',
    ...headerLines(undefined),
    '',
    '    location / {',
    '        return 301 https://$host$request_uri;',
    '    }',
    '}',
  ];
}

function httpsServer(form: WebServerForm, names: string[], env: SiteEnvironment, tls: SiteTls): string[] {
  const certificate = [`    ssl_certificate ${tls.certificate};`, `    ssl_certificate_key ${tls.key};`];
  if (tls.options) certificate.push(`    include ${tls.options};`);
  if (tls.dhparam) certificate.push(`    ssl_dhparam ${tls.dhparam};`);
  return siteServer(form, names, listens('443', env), certificate, tls.hsts);
}

function siteServer(form: WebServerForm, names: string[], listenLines: string[], certificate: string[], hsts?: SiteTls['hsts']): string[] {
  const lines = ['server {', ...listenLines, `    server_name ${names.join(' ')};`, ''];
  if (certificate.length > 0) lines.push(...certificate, '');
  lines.push(...headerLines(hsts), '', ...GZIP, '', `    client_max_body_size ${form.clientMaxBodySize};`, '');
  if (form.staticDir) lines.push('    location /static/ {', `        alias ${form.staticDir}/;`, '    }', '');
  if (form.siteRoot) {
    // A static app (the App step): the release folder is the site; no app behind it.
    lines.push(`    root ${form.siteRoot};`, '    index index.html;', '', '    location / {', '        try_files $uri $uri/ =404;', '    }', '}');
    return lines;
  }
  lines.push(
    '    location / {',
    `        proxy_pass http://127.0.0.1:${form.appPort};`,
    '        proxy_http_version 1.1;',
    '        proxy_set_header Host $host;',
    '        proxy_set_header X-Real-IP $remote_addr;',
    '        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '        proxy_set_header X-Forwarded-Proto $scheme;',
    '    }',
    '}',
  );
  return lines;
}

/** A value that could end a directive, open or close a block, start a comment or a variable is refused. */
function assertConfigSafe(values: string[]): void {
  for (const value of values) {
    if (/[\s;{}#$'"\\]/.test(value)) throw new AppError('server.invalidForm', 'A value contains a character nginx would interpret.', { fields: 'config' });
  }
}
