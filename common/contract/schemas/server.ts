/**
 * The Web server and HTTPS steps' contract shapes. Every value that
 * reaches a remote shell command or the nginx config is checked here, at the
 * boundary, with a whitelist pattern; main also shell-quotes each one
 * (main/server/shell-quote.ts). The patterns are linear (no nested quantifiers
 * over overlapping classes).
 */
import { z } from 'zod';
import { messageRef } from './operations';

/** One DNS label: letters, digits, inner hyphens (LDH), 1–63 characters. */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A domain as nginx and certbot see it: lower-case ASCII (an IDN goes in as
 * its punycode `xn--…` form), at least two labels, no trailing dot. Unicode
 * input is converted to punycode by `toAsciiDomain` before this check.
 */
export function isAsciiDomain(value: string): boolean {
  if (value.length < 3 || value.length > 253) return false;
  const labels = value.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => LABEL.test(label))) return false;
  return /[a-z]/.test(labels[labels.length - 1] ?? ''); // a TLD is never all digits (so no IPv4 literal)
}

/**
 * IDN → punycode with the WHATWG URL parser (Node and Chromium alike).
 * Returns '' when the text is not a host name at all (spaces, slashes, '@', …).
 */
export function toAsciiDomain(input: string): string {
  const trimmed = input.trim().toLowerCase().replace(/\.$/, '');
  if (trimmed === '' || /[\s/\\@:?#%;{}'"`$()<>|&*!=+,[\]^~]/.test(trimmed)) return '';
  try {
    return new URL(`http://${trimmed}/`).hostname;
  } catch {
    return '';
  }
}

export const domainName = z
  .string()
  .max(253)
  .transform(toAsciiDomain)
  .refine(isAsciiDomain, { message: 'not a domain name' });

/** nginx sizes: `10m`, `512k`, `1g`, `0` (no limit). */
export const BODY_SIZE_PATTERN = /^(?:0|[1-9][0-9]{0,4}[kmg]?)$/;
/** An absolute path of plain characters: no spaces, quotes, `;`, `{`, `}`, `$`, and no `.`/`..` segment. */
export const STATIC_DIR_PATTERN = /^\/[A-Za-z0-9._/-]{0,254}$/;

function isPlainAbsolutePath(value: string): boolean {
  if (!STATIC_DIR_PATTERN.test(value)) return false;
  return value.split('/').every((segment) => segment !== '.' && segment !== '..');
}

/**
 * Where a static folder may be: under /var/www or /srv, or in a home folder
 * (/home/<user>/…, /root/…); main checks that a home folder is the login
 * user's own (web-server-apply.ts). System folders (/etc, /usr, /var/lib, …)
 * are refused: nginx would serve their files to anyone.
 */
export const STATIC_DIR_ROOTS = ['/var/www', '/srv'] as const;
export function isAllowedStaticDir(value: string): boolean {
  if (STATIC_DIR_ROOTS.some((root) => value === root || value.startsWith(`${root}/`))) return true;
  return /^\/home\/[A-Za-z0-9._-]+(?:\/|$)/.test(value) || value === '/root' || value.startsWith('/root/');
}

export const staticDir = z
  .string()
  .max(255)
  .transform((value) => value.trim().replace(/\/+$/, '') || '/')
  .refine(isPlainAbsolutePath, { message: 'not a plain absolute path' })
  .refine((value) => value !== '/', { message: 'the root folder cannot be served' })
  .refine(isAllowedStaticDir, { message: 'only a folder under /var/www, /srv or your home folder can be served' });

export const appPort = z.number().int().min(1).max(65535);
export const bodySize = z.string().trim().toLowerCase().regex(BODY_SIZE_PATTERN);

/** An e-mail certbot will accept: plain local part that does not start with '-', and a domain. */
const EMAIL_LOCAL = /^(?![-.])[A-Za-z0-9._%+-]{1,64}$/;
export const emailAddress = z
  .string()
  .trim()
  .max(254)
  .refine((value) => {
    const at = value.lastIndexOf('@');
    if (at <= 0) return false;
    return EMAIL_LOCAL.test(value.slice(0, at)) && isAsciiDomain(value.slice(at + 1).toLowerCase());
  }, { message: 'not an e-mail address' });

/** The Web server form's defaults: written here once (the schema below and main/journey/derive.ts use them). */
export const WEB_SERVER_DEFAULTS = { appPort: 8000, clientMaxBodySize: '10m' } as const;

/** What the Web server form holds. */
export const webServerForm = z
  .object({
    domain: domainName,
    includeWww: z.boolean().default(false),
    appPort: appPort.default(WEB_SERVER_DEFAULTS.appPort),
    staticDir: staticDir.optional(),
    clientMaxBodySize: bodySize.default(WEB_SERVER_DEFAULTS.clientMaxBodySize),
    /** A static app (the App step): nginx serves this folder as `root` for `/` instead of proxying to the port. */
    siteRoot: staticDir.optional(),
  })
  .strict();
export type WebServerFormInput = z.input<typeof webServerForm>;
export type WebServerForm = z.output<typeof webServerForm>;

/** The generated (or edited) site file; 64 KiB is far more than a site needs. */
export const siteConfigText = z.string().min(1).max(64 * 1024);

export const previewSiteResponse = z.object({ site: z.string(), path: z.string(), config: z.string(), names: z.array(z.string()) });

/**
 * Done on the own-server path: what Onramp put on the server, each part with
 * the command that undoes it (main/server/on-server.ts). The live state of the
 * site and the certificate is the Web server and HTTPS steps' status.
 */
export const onServerPart = z.object({
  part: z.enum(['site', 'app', 'certificate', 'nginx', 'certbot']),
  /** The site's name, the certificate's name; none for a service. */
  name: z.string().max(253).optional(),
  /** Files on the server this part consists of. */
  paths: z.array(z.string().max(512)).max(4),
  undo: z.string().max(1024),
});
export type OnServerPart = z.infer<typeof onServerPart>;
export const onServerResponse = z.object({
  server: z.object({ host: z.string().max(253), port: z.number().int(), user: z.string().max(32) }).optional(),
  domain: z.string().max(253).optional(),
  parts: z.array(onServerPart).max(8),
});
export type OnServer = z.infer<typeof onServerResponse>;

/** Which terminal the commands are typed into (an open `ssh.open` session to the step's server). */
const sessionId = z.string().min(1).max(64);

export const webServerApplyInput = z
  .object({
    sessionId,
    form: webServerForm,
    /** The user's edited config; without it the generated one is used. */
    config: siteConfigText.optional(),
    /** Consent to disable /etc/nginx/sites-enabled/default when it conflicts with this site. */
    disableDefaultSite: z.boolean().default(false),
  })
  .strict();

/** What nginx answered for the domain on the server itself. */
export const siteAnswer = z.object({
  httpStatus: z.number().int(),
  /** Set when the answer needs explaining (502: the app is not listening). */
  explanation: messageRef.optional(),
});
export type SiteAnswer = z.infer<typeof siteAnswer>;

export const webServerApplyResult = z.object({
  site: z.string(),
  installedNginx: z.boolean(),
  disabledDefaultSite: z.boolean(),
  answer: siteAnswer,
  /** Once a certificate exists the site keeps its HTTPS server: what https answered after the rewrite. */
  httpsAnswer: siteAnswer.optional(),
  /** What the user should know (a static folder in a home folder must be readable by nginx). */
  notes: z.array(messageRef).max(10).default([]),
});

export const certMode = z.enum(['production', 'staging', 'dry-run']);
export type CertMode = z.infer<typeof certMode>;

/** Advanced: another ACME directory (a test CA, a company CA) and the CA certificates to trust for it. */
export const customAcme = z
  .object({
    directoryUrl: z
      .url({ protocol: /^https$/ })
      .max(512)
      .refine((value) => /^https:\/\/[A-Za-z0-9.:[\]_-]+(?:\/[A-Za-z0-9._~%/-]*)?$/.test(value), { message: 'plain https URL only' }),
    /** PEM certificates: the ACME server's TLS issuer, and the root its certificates chain to. */
    caPem: z
      .string()
      .max(64 * 1024)
      .refine((value) => /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/.test(value), { message: 'no PEM certificate' }),
  })
  .strict();
export type CustomAcme = z.infer<typeof customAcme>;

export const httpsRequest = z
  .object({
    domain: domainName,
    includeWww: z.boolean().default(false),
    /** The ACME account's e-mail (optional: Let's Encrypt no longer sends expiry reminders; Onramp watches instead). */
    email: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), emailAddress.optional()),
    mode: certMode.default('production'),
    acme: customAcme.optional(),
    /** HSTS for every subdomain too: only when the user asks (it affects subdomains Onramp does not manage). */
    hstsIncludeSubDomains: z.boolean().default(false),
  })
  .strict();
export type HttpsRequestInput = z.input<typeof httpsRequest>;
export type HttpsRequest = z.output<typeof httpsRequest>;

export const checkState = z.enum(['pass', 'fail', 'skipped', 'warn']);
export type CheckState = z.infer<typeof checkState>;
export const preflightCheck = z.object({
  id: z.enum(['dns', 'firewall', 'port80', 'nginxTest', 'serverName']),
  state: checkState,
  detail: messageRef.optional(),
  /** Explanations with the fix (several for DNS: each resolver's problem). */
  reasons: z.array(messageRef).max(20).optional(),
});
export type PreflightCheck = z.infer<typeof preflightCheck>;
export const preflightReport = z.object({ pass: z.boolean(), checks: z.array(preflightCheck) });
export type PreflightReport = z.infer<typeof preflightReport>;

export const httpsPreflightInput = httpsRequest.extend({ sessionId: sessionId.optional() }).strict();
export const httpsIssueInput = httpsRequest.extend({ sessionId }).strict();

export const certificateView = z.object({
  subject: z.string().max(512),
  issuer: z.string().max(512),
  names: z.array(z.string().max(253)).max(100),
  validFrom: z.string().max(64),
  validTo: z.string().max(64),
  daysLeft: z.number().int(),
  /** The chain verified against the trusted roots (the system's, plus the custom ACME CA when given). */
  chainValid: z.boolean(),
  chainError: z.string().max(128).optional(),
});
export type CertificateView = z.infer<typeof certificateView>;

export const verifyCheck = z.object({
  id: z.enum(['redirect', 'certificate', 'https', 'http2', 'hsts', 'serverVersion', 'renewalTimer', 'renewDryRun']),
  state: checkState,
  detail: messageRef.optional(),
});
export type VerifyCheck = z.infer<typeof verifyCheck>;

export const httpsVerifyReport = z.object({
  pass: z.boolean(),
  checks: z.array(verifyCheck),
  certificate: certificateView.optional(),
});
export type HttpsVerifyReport = z.infer<typeof httpsVerifyReport>;

export const httpsIssueResult = z.object({
  preflight: preflightReport,
  installedCertbot: z.boolean(),
  /** What the user should know about the certbot in use (an apt certbot without ARI). */
  certbotNote: messageRef.optional(),
  /** False when the preflight stopped it, or for a dry run. */
  issued: z.boolean(),
  verify: httpsVerifyReport.optional(),
});
export const httpsVerifyInput = httpsRequest.extend({ sessionId: sessionId.optional(), renewDryRun: z.boolean().default(true) }).strict();

/**
 * The certificate and site watch (main/server/site-watch.ts): at every start
 * and on Re-check, for the setup with HTTPS. Let's Encrypt no longer e-mails
 * before a certificate lapses, so this is the user's warning.
 */
export const renewalState = z.enum(['timer', 'noTimer', 'failed', 'noSystemd', 'unknown']);
export const siteWatchReport = z.object({
  domain: z.string().max(253),
  checkedAt: z.string().max(64),
  certificate: certificateView.optional(),
  /** The TLS handshake failed before any certificate (refused, timeout). */
  tlsError: z.string().max(64).optional(),
  /** What the site answered over https (or http when TLS failed); 0 = nothing. */
  httpStatus: z.number().int(),
  renewal: renewalState,
  verdict: z.enum(['ok', 'warn']),
  /** Why it warns (and, when ok, the one-line summary), translated in the renderer. */
  reasons: z.array(messageRef).max(10),
});
export type SiteWatchReport = z.infer<typeof siteWatchReport>;
export const siteWatchState = z.object({
  /** Null when there is no setup with HTTPS to watch (or no check finished yet). */
  report: siteWatchReport.nullable(),
  running: z.boolean(),
});
export type SiteWatchState = z.infer<typeof siteWatchState>;
