/**
 * When the stock default site (/etc/nginx/sites-enabled/default) gets in the
 * way of ours. Debian/Ubuntu's default is `listen 80 default_server;
 * server_name _;`: a catch-all for names nobody else serves. That does NOT
 * conflict with a site that names the domain (nginx picks the server whose
 * server_name matches the Host header), so it is left alone. It conflicts only
 * when:
 *  - it names one of our server names (nginx warns "conflicting server name"
 *    and keeps the first one it read: `default` sorts before most names, so
 *    ours would be ignored), or
 *  - our site also declares `default_server` on a port where it does
 *    (`nginx -t` fails: "a duplicate default server").
 * Even then it is disabled only with the user's consent, by removing the
 * symlink (sites-available/default stays, so it can be enabled again).
 */
import { listensOnPort, serverBlocks } from './nginx-directives';

export const DEFAULT_SITE_ENABLED = '/etc/nginx/sites-enabled/default';

export type DefaultSiteConflict =
  | { conflicts: false }
  | { conflicts: true; reason: 'sameName'; name: string }
  | { conflicts: true; reason: 'duplicateDefaultServer'; port: number };

const PORTS = [80, 443];

export function defaultSiteConflict(defaultSite: string, ourConfig: string, ourNames: string[]): DefaultSiteConflict {
  const theirs = serverBlocks(defaultSite);
  const ours = serverBlocks(ourConfig);
  const wanted = new Set([...ourNames, ...ours.flatMap((block) => block.names)].map((name) => name.toLowerCase()));
  for (const block of theirs) {
    const shared = block.names.find((name) => wanted.has(name.toLowerCase()));
    if (shared) return { conflicts: true, reason: 'sameName', name: shared };
  }
  for (const port of PORTS) {
    const isDefaultOn = (blocks: typeof theirs) =>
      blocks.some((block) => block.listens.some((listen) => listensOnPort(listen, port) && listen.includes('default_server')));
    if (isDefaultOn(theirs) && isDefaultOn(ours)) return { conflicts: true, reason: 'duplicateDefaultServer', port };
  }
  return { conflicts: false };
}
