/**
 * Done on the own-server path: what Onramp put on the server, from the setup's
 * choices as the Web server and HTTPS steps last applied them, and the command
 * that undoes each part. Nothing here touches the server; whether each part is
 * there right now is what the two steps' checks say.
 */
import { domainName, webServerForm, type OnServer, type OnServerPart } from '../../common/contract/schemas/server';
import type { SetupState } from '../../common/contract/schemas/setup';
import { certificateNames } from './certbot-command';
import { planFromForm } from './nginx-site';
import { shellCommand } from './shell-quote';
import { chosenDomain } from './steps/server-reach';

export function onServer(setup: SetupState): OnServer {
  const own = setup.choices.ownServer;
  const domain = domainName.safeParse(chosenDomain(setup) ?? '');
  const result: OnServer = { parts: [], ...(own ? { server: { host: own.host, port: own.port, user: own.user } } : {}), ...(domain.success ? { domain: domain.data } : {}) };
  // The Web server form as last applied, re-validated as everywhere it is used (`edited` is a mark, not a field).
  const { edited: _edited, ...applied } = setup.choices.webServer ?? { edited: false };
  const form = webServerForm.safeParse(setup.choices.webServer ? applied : null);
  const site = form.success ? planFromForm(form.data) : undefined;
  const parts: OnServerPart[] = [];
  if (site) {
    parts.push({
      part: 'site',
      name: site.site,
      paths: [site.availablePath, site.enabledPath],
      undo: `${shellCommand('sudo', 'rm', '-f', site.enabledPath, site.availablePath)} && sudo nginx -t && sudo systemctl reload nginx`,
    });
  }
  const app = setup.resources.app;
  if (app && /^onramp-[a-z0-9-]{1,48}$/.test(app.unit) && /^\/srv\/[a-z0-9-]{1,63}$/.test(app.baseDir)) {
    // The App step's service (main/app): its unit, folder and settings file; the app's Remove button does the same.
    const unitFile = `/etc/systemd/system/${app.unit}.service`;
    parts.push({
      part: 'app',
      name: app.unit,
      paths: [app.baseDir, unitFile, `/etc/onramp/${app.unit}.env`],
      undo: `sudo systemctl disable --now ${app.unit}; ${shellCommand('sudo', 'rm', '-rf', '--', app.baseDir, unitFile, `/etc/onramp/${app.unit}.env`, `/etc/onramp/${app.unit}.deploy-key`)} && sudo systemctl daemon-reload && sudo userdel ${app.unit}`,
    });
  }
  const https = setup.choices.https;
  if (https && https.mode !== 'dry-run' && domain.success) {
    const name = certificateNames({ domain: domain.data, includeWww: https.includeWww })[0] ?? domain.data;
    parts.push({ part: 'certificate', name, paths: [`/etc/letsencrypt/live/${name}`], undo: shellCommand('sudo', 'certbot', 'delete', '--cert-name', name) });
  }
  if (site) parts.push({ part: 'nginx', paths: ['/etc/nginx'], undo: 'sudo apt-get remove nginx' });
  // certbot came from snap where snapd exists, else from apt (certbot-install.ts): the undo removes whichever is there.
  if (https && https.mode !== 'dry-run') {
    parts.push({ part: 'certbot', paths: [], undo: 'if snap list certbot >/dev/null 2>&1; then sudo snap remove certbot; else sudo apt-get remove -y certbot python3-certbot-nginx; fi' });
  }
  return { ...result, parts };
}
