/**
 * The Web server and HTTPS steps end to end with NO fakes: the local sshd as a
 * bring-your-own server, the machine's real nginx on port 80/443, real certbot
 * against a real pebble (challtestsrv as its DNS; real http-01 validation
 * through nginx), the app on :8000. Runs as root; the fixture restores
 * /etc/nginx and /etc/letsencrypt and stops nginx and pebble afterwards.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import tls, { type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsRequest, webServerForm } from '../../common/contract/schemas/server';
import { neverCancelled, recordingProgress, startServerMachine, type ServerMachine } from '../testing/server/server-machine';
import { resolverDomainCheck } from '../testing/dns/resolver-domain-check';
import { FailureLedger } from './failure-ledger';
import { probeHttp } from './http-probe';
import { issueCertificate } from './https-issue';
import { applyWebServer } from './web-server-apply';
import { freshSetupState } from '../setup/state-store';
import type { SetupState } from '../../common/contract/schemas/setup';
import { webServerStep } from './steps/web-server-step';
import { httpsStep } from './steps/https-step';
import { watchSite } from './site-watch';
import { planFromForm, siteMarkerOf } from './nginx-site';

const DOMAIN = 'onramp.test';

function httpsGet(url: string, ca: string): Promise<{ status: number; body: string; issuer: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, lookup: (_host, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]) }, (response) => {
        let body = '';
        const issuer = String((response.socket as TLSSocket).getPeerCertificate().issuer?.CN ?? '');
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, issuer, headers: response.headers }));
      })
      .on('error', reject);
  });
}

function httpHeaders(host: string): Promise<http.IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: 80, path: '/', headers: { Host: host } }, (response) => {
        response.resume();
        resolve(response.headers);
      })
      .on('error', reject);
  });
}

/** What the server picks when a client offers h2 (independent of the product's probe). */
function alpnOf(ca: string, host = '127.0.0.1'): Promise<string | false> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port: 443, servername: DOMAIN, ca, ALPNProtocols: ['h2', 'http/1.1'] }, () => {
      resolve(socket.alpnProtocol ?? false);
      socket.end();
    });
    socket.on('error', reject);
  });
}

describe('Web server → HTTPS on a real server over SSH', () => {
  let machine: ServerMachine;
  beforeAll(async () => {
    machine = await startServerMachine({ pebble: true, app: true });
  }, 660_000); // (may wait for the machine lock while another file holds it)
  afterAll(async () => {
    await machine?.stop();
  }, 60_000);

  it('serves the app through nginx, then gets a pebble certificate with the redirect and a passing renew dry run', async () => {
    const pebble = machine.pebble;
    if (!pebble) throw new Error('pebble fixture missing');
    // The steps' checks read reality: nothing there yet.
    const setup: SetupState = { ...freshSetupState(), choices: { domain: DOMAIN, ownServer: { host: '127.0.0.1', port: machine.sshd.port, user: machine.sshd.user, keyId: 'ed25519' } } };
    const steps = { web: webServerStep({ ssh: machine.ssh.manager, knownHosts: machine.ssh.knownHosts }), https: httpsStep({ knownHosts: machine.ssh.knownHosts }) };
    expect(await steps.web.check({ setup, signal: neverCancelled })).toEqual({ done: false, detail: { key: 'server:check.siteNotEnabled', values: { site: DOMAIN } } });
    expect(await steps.https.check({ setup, signal: neverCancelled })).toMatchObject({ done: false });

    const web = recordingProgress();
    const applied = await applyWebServer(
      machine.remote,
      { form: webServerForm.parse({ domain: DOMAIN }), disableDefaultSite: false },
      { signal: neverCancelled, progress: web.progress },
    );
    // The answer is the site's own (its X-Onramp-Site marker), not the default site's from old workers.
    expect(applied).toEqual({ site: DOMAIN, installedNginx: false, disabledDefaultSite: false, answer: { httpStatus: 200 }, notes: [] });
    expect(machine.app?.hosts).toContain(DOMAIN);
    // Seen independently: port 80 answers with the marker of the file that was installed, and no version.
    const marker = siteMarkerOf(readFileSync(`/etc/nginx/sites-available/${DOMAIN}`, 'utf8'));
    expect(marker).toMatch(/^onramp\.test\/[0-9a-f]{12}$/);
    const plain = await httpHeaders(DOMAIN);
    expect(plain['x-onramp-site']).toBe(marker);
    expect(plain.server).toBe('nginx');
    expect(plain['x-frame-options']).toBe('SAMEORIGIN');
    // Every change was typed into the visible terminal.
    expect(machine.terminalText()).toContain(`sudo install -m 644 /tmp/onramp-site-`);
    expect(machine.terminalText()).toContain('sudo nginx -t');

    const request = httpsRequest.parse({ domain: DOMAIN, email: 'admin@onramp.test', acme: { directoryUrl: pebble.directoryUrl, caPem: await pebble.caBundle() } });
    const progress = recordingProgress();
    const outcome = await issueCertificate(
      request,
      { remote: machine.remote, host: '127.0.0.1', byo: true, domainCheck: resolverDomainCheck([`${pebble.dns.host}:${pebble.dns.port}`]), ledger: new FailureLedger(), webServer: webServerForm.parse({ domain: DOMAIN }) },
      { signal: neverCancelled, progress: progress.progress },
    );
    expect(outcome.preflight.checks.map((c) => [c.id, c.state])).toEqual([
      ['nginxTest', 'pass'],
      ['serverName', 'pass'],
      ['port80', 'pass'],
      ['firewall', 'skipped'],
      ['dns', 'pass'],
    ]);
    expect(outcome.issued).toBe(true);
    // (readline may redraw a long line with escape codes, so only a part is compared)
    expect(machine.terminalText()).toContain('sudo env REQUESTS_CA_BUNDLE=/etc/onramp/acme-ca.pem certbot --nginx -d onramp.test -m admin@onramp.test --agree-tos -n --redirect');
    const verify = outcome.verify;
    expect(verify?.checks.map((c) => [c.id, c.state])).toEqual([
      ['redirect', 'pass'],
      ['certificate', 'pass'],
      ['https', 'pass'],
      ['http2', 'pass'], // Debian's nginx 1.22: `listen 443 ssl http2`
      ['hsts', 'pass'],
      ['serverVersion', 'pass'],
      ['renewalTimer', 'warn'], // no systemd on this machine: said so, with the fix
      ['renewDryRun', 'pass'], // certbot's nginx authenticator works with Onramp's rewritten site
    ]);
    expect(verify?.checks.find((c) => c.id === 'hsts')?.detail).toEqual({ key: 'server:verify.hsts', values: { maxAge: '86400' } });
    expect(verify?.certificate?.issuer).toMatch(/Pebble/);
    expect(verify?.certificate?.names).toContain(DOMAIN);
    expect(verify?.certificate?.daysLeft).toBeGreaterThan(300);
    expect(progress.phases).toEqual([
      'server:phases.preflight',
      'server:phases.checkCertbot',
      'server:phases.certbot',
      'server:phases.hardenSite',
      'server:phases.uploadSite',
      'server:phases.testConfig',
      'server:phases.reload',
      'server:phases.verifyHttps',
    ]);

    // Both steps' checks now pass (the HTTPS one trusting the custom ACME CA the step used).
    expect(await steps.web.check({ setup, signal: neverCancelled })).toMatchObject({ done: true });
    const acme = request.acme;
    const withHttps: SetupState = { ...setup, choices: { ...setup.choices, https: { email: request.email, includeWww: false, mode: 'production', acme } } };
    expect(await steps.https.check({ setup: withHttps, signal: neverCancelled })).toMatchObject({ done: true, detail: { key: 'server:check.httpsValid' } });
    // Without that CA, pebble's certificate does not verify: the check says so instead of passing.
    expect(await steps.https.check({ setup, signal: neverCancelled })).toMatchObject({ done: false, detail: { key: 'server:verify.certificateInvalid' } });

    // End state, seen independently of the product's own verification.
    const redirect = await probeHttp('127.0.0.1', DOMAIN, neverCancelled, 5000, '/x');
    expect(redirect).toEqual({ reached: true, status: 301, location: `https://${DOMAIN}/x` });
    const root = await pebble.rootPem();
    const page = await httpsGet(`https://${DOMAIN}/`, root);
    expect(page.status).toBe(200);
    expect(page.body).toContain('hello from the app (proto https)');
    expect(page.issuer).toMatch(/Pebble/);
    expect(page.headers['strict-transport-security']).toBe('max-age=86400');
    expect(page.headers.server).toBe('nginx');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(await alpnOf(root)).toBe('h2');
    expect(await alpnOf(root, '::1')).toBe('h2'); // this machine has IPv6: `listen [::]:443 ssl http2` too

    // Running the Web server step again after HTTPS keeps HTTPS (it used to drop the 443 server).
    const again = await applyWebServer(machine.remote, { form: webServerForm.parse({ domain: DOMAIN }), disableDefaultSite: false }, { signal: neverCancelled, progress: () => undefined });
    expect(again.answer).toEqual({ httpStatus: 301 });
    expect(again.httpsAnswer).toEqual({ httpStatus: 200 });
    const afterRerun = await httpsGet(`https://${DOMAIN}/`, root);
    expect(afterRerun.status).toBe(200);
    expect(afterRerun.headers['strict-transport-security']).toBe('max-age=86400');
    expect(await alpnOf(root)).toBe('h2');
    expect(await probeHttp('127.0.0.1', DOMAIN, neverCancelled, 5000, '/y')).toEqual({ reached: true, status: 301, location: `https://${DOMAIN}/y` });
    // An edited config without a 443 server (the preview as shown, edited): certbot installs the certificate into it again.
    const edited = `${planFromForm(webServerForm.parse({ domain: DOMAIN })).config}# edited by hand\n`;
    const handEdited = await applyWebServer(machine.remote, { form: webServerForm.parse({ domain: DOMAIN }), config: edited, disableDefaultSite: false }, { signal: neverCancelled, progress: () => undefined });
    expect(handEdited.httpsAnswer).toEqual({ httpStatus: 200 });
    expect(machine.terminalText()).toContain('sudo certbot install --nginx --cert-name onramp.test -n --redirect -d onramp.test');
    expect((await httpsGet(`https://${DOMAIN}/`, root)).status).toBe(200);
    expect(handEdited.answer.httpStatus).toBe(301);
    expect(await steps.web.check({ setup, signal: neverCancelled })).toMatchObject({ done: true });
    // Then the generated site again (what the Web server page applies unedited).
    await applyWebServer(machine.remote, { form: webServerForm.parse({ domain: DOMAIN }), disableDefaultSite: false }, { signal: neverCancelled, progress: () => undefined });
    expect(await steps.https.check({ setup: withHttps, signal: neverCancelled })).toMatchObject({ done: true });

    // The HTTPS step again on Onramp's own HTTPS site: certbot keeps the certificate, the site is rewritten the same way, everything verifies.
    const rerun = await issueCertificate(
      request,
      { remote: machine.remote, host: '127.0.0.1', byo: true, domainCheck: resolverDomainCheck([`${pebble.dns.host}:${pebble.dns.port}`]), ledger: new FailureLedger(), webServer: webServerForm.parse({ domain: DOMAIN }) },
      { signal: neverCancelled, progress: () => undefined },
    );
    expect(rerun.issued).toBe(true);
    expect(rerun.verify?.checks.filter((c) => c.state !== 'pass').map((c) => c.id)).toEqual(['renewalTimer']);

    // The certificate watch against the real pebble certificate: the handshake, the site, and over SSH the renewal.
    const watched = await watchSite(withHttps, { ssh: machine.ssh.manager, knownHosts: machine.ssh.knownHosts, resolve: () => Promise.resolve('127.0.0.1') }, neverCancelled);
    expect(watched?.certificate?.issuer).toMatch(/Pebble/);
    expect(watched?.certificate).toMatchObject({ names: [DOMAIN], chainValid: true });
    expect(watched?.certificate?.daysLeft).toBeGreaterThan(20);
    expect(watched).toMatchObject({ domain: DOMAIN, httpStatus: 200, renewal: 'noSystemd', verdict: 'warn' });
    expect(watched?.reasons).toEqual([{ key: 'server:watch.noSystemd' }]); // this machine has no systemd: nothing would renew, and the watch says so
    // The app stops answering: the watch warns that the site is down (502 from nginx).
    await machine.app?.stop();
    const down = await watchSite(withHttps, { ssh: machine.ssh.manager, knownHosts: machine.ssh.knownHosts, resolve: () => Promise.resolve('127.0.0.1') }, neverCancelled);
    expect(down?.reasons).toContainEqual({ key: 'server:watch.siteError', values: { domain: DOMAIN, status: 502 } });
  }, 240_000);
});
