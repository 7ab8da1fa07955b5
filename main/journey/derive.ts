/**
 * Every fact worked out from the setup's choices, worked out here and only
 * here: the names a site answers to (the www rule), the domain the steps
 * serve, the server to reach (host, port, user, key), the path, the form
 * defaults. Capabilities (dns, ssh, server) import these; the journey model
 * (./journey-model.ts) sends them to the renderer, which never derives them
 * again (eslint refuses it: see eslint.config.mjs, "journey facts").
 *
 * Pure functions of the setup state: no I/O, nothing but common/.
 */
import type { DerivedFacts, ServerTarget } from '../../common/contract/schemas/journey';
import { WEB_SERVER_DEFAULTS } from '../../common/contract/schemas/server';
import type { SetupState } from '../../common/contract/schemas/setup';
import { pathOf } from '../setup/setup-path';
import { dnsTargetOf } from '../../common/dns/target';

/** The login of the Ubuntu images the launch uses (the setup's own server). */
export const SETUP_SERVER_USER = 'ubuntu';
export const SETUP_SERVER_PORT = 22;

/**
 * The names a site answers to: the domain, and with `www` both the bare name
 * and `www.<bare>` (a domain typed with its www. is the same site). Used for
 * the nginx server_name, the certificate's -d names and the DNS check.
 */
export function serverNames(domain: string, www: boolean): string[] {
  if (!www) return [domain];
  const bare = domain.startsWith('www.') ? domain.slice(4) : domain;
  return [bare, `www.${bare}`];
}

/** The domain the Web server and HTTPS steps serve: the Web server form's as applied, else the Domain step's. */
export function domainToServe(setup: SetupState): string | undefined {
  return setup.choices.webServer?.domain ?? setup.choices.domain;
}

/** Whether the site also answers to www: as the Web server form was applied, else as the Domain step chose. */
export function siteWww(setup: SetupState): boolean {
  return setup.choices.webServer?.includeWww ?? setup.choices.www ?? false;
}

/** The names the certificate covers: the HTTPS form's www choice, else the site's. */
export function certificateNames(setup: SetupState): string[] {
  const domain = domainToServe(setup);
  if (!domain) return [];
  return serverNames(domain, setup.choices.https?.includeWww ?? siteWww(setup));
}

/** `user@host` or `user@host:port`. */
export function serverLabel(server: { host: string; port: number; user: string }): string {
  return `${server.user}@${server.host}${server.port === 22 ? '' : `:${server.port}`}`;
}

/** The setup's own EC2 server: its Elastic IP and the key pair Onramp made (in the vault). */
export function setupServer(setup: SetupState): ServerTarget | undefined {
  const { elasticIp, sshKeyItemId, instanceId } = setup.resources;
  if (!elasticIp || !sshKeyItemId) return undefined;
  const server = { host: elasticIp, port: SETUP_SERVER_PORT, user: SETUP_SERVER_USER };
  return { ref: 'setup', ...server, keyId: sshKeyItemId, label: serverLabel(server), ...(instanceId ? { instanceId } : {}) };
}

/** The server the user brought (Settings). */
export function ownServer(setup: SetupState): ServerTarget | undefined {
  const own = setup.choices.ownServer;
  if (!own) return undefined;
  return { ref: 'ownServer', host: own.host, port: own.port, user: own.user, keyId: own.keyId, label: serverLabel(own) };
}

/** The path (one owner: main/setup/setup-path.ts, which also migrates a setup.json written before it). */
export { pathOf };

/** The server the Connect, Web server and HTTPS steps work on: the setup's instance when it has one, else the user's own. */
export function selectedServer(setup: SetupState): ServerTarget | undefined {
  const own = ownServer(setup);
  if (pathOf(setup) === 'own-server') return own;
  return setupServer(setup) ?? own;
}

/** Every fact the pages show that is worked out from the setup state. */
export function deriveFacts(setup: SetupState): DerivedFacts {
  const { choices } = setup;
  const siteDomain = domainToServe(setup);
  const www = siteWww(setup);
  const servers = [setupServer(setup), ownServer(setup)].filter((s): s is ServerTarget => s !== undefined);
  const server = selectedServer(setup);
  const dnsTarget = dnsTargetOf(setup);
  const web = choices.webServer;
  const https = choices.https;
  return {
    path: pathOf(setup),
    ...(choices.region ? { region: choices.region } : {}),
    ...(choices.domain ? { domain: { domain: choices.domain, www: choices.www ?? false, names: serverNames(choices.domain, choices.www ?? false) } } : {}),
    ...(siteDomain ? { site: { domain: siteDomain, www, names: serverNames(siteDomain, www) } } : {}),
    ...(dnsTarget ? { dnsTarget } : {}),
    certificateNames: certificateNames(setup),
    servers,
    ...(server ? { server } : {}),
    webServerForm: {
      domain: siteDomain ?? '',
      includeWww: web?.includeWww ?? choices.www ?? false,
      appPort: web?.appPort ?? WEB_SERVER_DEFAULTS.appPort,
      staticDir: web?.staticDir ?? '',
      clientMaxBodySize: web?.clientMaxBodySize ?? WEB_SERVER_DEFAULTS.clientMaxBodySize,
      ...(web?.siteRoot ? { siteRoot: web.siteRoot } : {}),
    },
    httpsForm: {
      email: https?.email ?? '',
      includeWww: https?.includeWww ?? www,
      hstsIncludeSubDomains: https?.hstsIncludeSubDomains ?? false,
      mode: https?.mode ?? 'production',
      ...(https?.acme ? { acme: https.acme } : {}),
    },
  };
}
