/**
 * The Web server and HTTPS steps on REAL Ubuntu 24.04 and 26.04 servers with
 * systemd (main/testing/systemd-server/), as a user with a fresh minimal
 * server would run them, and what issue 23 found there, shown fixed:
 *
 * - nothing on the app port: the Web server step reports nginx's 502 and why,
 *   right after the reload (not the default site's 200 from the old workers);
 * - no snapd (a minimal server): the HTTPS step installs certbot and its nginx
 *   plugin from apt, in the terminal, with the ARI note where it lacks it;
 * - the finished site negotiates HTTP/2 (the directive nginx's version takes),
 *   sends HSTS and no nginx version, and listens on IPv6 only where there is;
 * - certbot's renewal timer is real, and the certificate watch sees it;
 * - the Web server step run again after HTTPS keeps HTTPS.
 *
 * pebble runs on the host and validates http-01 against the machine's nginx.
 * What is asserted is what the user sees, from outside the steps.
 */
import { execFile } from 'node:child_process';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupState } from '../../common/contract/schemas/setup';
import { httpsRequest, webServerForm, type HttpsRequest } from '../../common/contract/schemas/server';
import { freshSetupState } from '../setup/state-store';
import { resolverDomainCheck } from '../testing/dns/resolver-domain-check';
import { startPebble, type PebbleFixture } from '../testing/server/pebble';
import { neverCancelled, recordingProgress } from '../testing/server/server-machine';
import { skipWithoutSystemdServers } from '../testing/systemd-server/availability';
import { eventually, serveTestApp, visit } from '../testing/systemd-server/machine-app';
import { MACHINE_KEY_ID, productSsh, type ProductSsh } from '../testing/systemd-server/product-ssh';
import { startUbuntuMachine, type UbuntuMachine, type UbuntuRelease } from '../testing/systemd-server/ubuntu-machine';
import { lacksAri, versionOf } from './certbot-install';
import { FailureLedger } from './failure-ledger';
import { probeHttp } from './http-probe';
import { issueCertificate } from './https-issue';
import { watchSite } from './site-watch';
import { httpsStep } from './steps/https-step';
import { webServerStep } from './steps/web-server-step';
import { applyWebServer } from './web-server-apply';

/** What the machine's nginx picks when a client offers h2, asked from the host (independent of the product's probe). */
function alpnOf(machine: UbuntuMachine, servername: string, ca: string): Promise<string | false> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: machine.host, port: 443, servername, ca, ALPNProtocols: ['h2', 'http/1.1'] }, () => {
      resolve(socket.alpnProtocol ?? false);
      socket.end();
    });
    socket.on('error', reject);
  });
}

/**
 * IPv6 switched off in the machine's network namespace, as on a host booted
 * without it (the machine's own /proc/sys is read-only: done from outside).
 */
async function switchOffIpv6(machine: UbuntuMachine): Promise<void> {
  const script = `for ns in $(ip netns list | cut -d' ' -f1); do
    if ip -n "$ns" -4 -o addr | grep -q " $1/"; then
      exec ip netns exec "$ns" sh -c 'for knob in /proc/sys/net/ipv6/conf/*/disable_ipv6; do echo 1 > "$knob"; done'
    fi
  done; exit 1`;
  await promisify(execFile)('sh', ['-c', script, 'ipv6-off', machine.host]);
}

/** The HTTP/2 directive each release's nginx takes: `http2 on;` from nginx 1.25.1, `listen … http2` before. */
const HTTP2_DIRECTIVE: Record<UbuntuRelease, RegExp> = {
  '24.04': /^\s*listen 443 ssl http2;/m, // nginx 1.24
  '26.04': /^\s*http2 on;/m, // nginx 1.28
};

describe.skipIf(skipWithoutSystemdServers('the Web server and HTTPS steps on Ubuntu'))('Web server → HTTPS on real Ubuntu servers', () => {
  // The two releases side by side (each its own machine, network and pebble).
  describe.concurrent.each<UbuntuRelease>(['24.04', '26.04'])('Ubuntu %s', (release) => {
    // A name per release: both run at once, and a connection pool keyed by name must never mix them up.
    const DOMAIN = `ubuntu-${release.replace('.', '')}.test`;
    const appText = `hello from the app on Ubuntu ${release}`;
    const form = webServerForm.parse({ domain: DOMAIN });
    let machine: UbuntuMachine;
    let ssh: ProductSsh;
    let pebble: PebbleFixture;
    let setup: SetupState;
    let request: HttpsRequest;
    beforeAll(async () => {
      machine = await startUbuntuMachine({ release });
      pebble = await startPebble({ listenHost: machine.hostAddress, answerIPv4: machine.host });
      ssh = await productSsh(machine);
      setup = { ...freshSetupState(), choices: { domain: DOMAIN, ownServer: { host: machine.host, port: machine.port, user: machine.user, keyId: MACHINE_KEY_ID } } };
      request = httpsRequest.parse({ domain: DOMAIN, email: `admin@${DOMAIN}`, acme: { directoryUrl: pebble.directoryUrl, caPem: await pebble.caBundle() } });
    }, 600_000);
    afterAll(async () => {
      await ssh?.dispose();
      await pebble?.stop();
      await machine?.stop();
    }, 60_000);
    const steps = () => ({ web: webServerStep({ ssh: ssh.manager, knownHosts: ssh.knownHosts }), https: httpsStep({ knownHosts: ssh.knownHosts }) });
    const withHttps = (): SetupState => ({ ...setup, choices: { ...setup.choices, https: { email: request.email, includeWww: false, mode: 'production', acme: request.acme } } });

    it.sequential('with nothing on the app port, the Web server step says 502 and why, right after the reload (not the default site\'s 200)', async () => {
      // The default site is enabled and answers 200 "Welcome to nginx!" until the reload's new workers take over.
      expect(await machine.run(`curl -s -o /dev/null -w '%{http_code}' -H 'Host: ${DOMAIN}' http://127.0.0.1/`)).toBe('200');
      const applied = await applyWebServer(ssh.remote, { form, disableDefaultSite: false }, { signal: neverCancelled, progress: recordingProgress().progress });
      expect(applied.answer).toEqual({ httpStatus: 502, explanation: { key: 'server:answer.appNotListening', values: { port: 8000 } } });
      // nginx's part is done; the check's detail says what is missing (it is the site's own 502, not another site's 200).
      expect(await steps().web.check({ setup, signal: neverCancelled })).toEqual({ done: true, detail: { key: 'server:answer.appNotListening', values: { port: 8000 } } });
      expect(ssh.terminalText()).toContain('sudo nginx -t');

      // The app starts: the same step now answers 200 from Onramp's site, and a visitor gets the app.
      await serveTestApp(machine, appText);
      const again = await applyWebServer(ssh.remote, { form, disableDefaultSite: false }, { signal: neverCancelled, progress: recordingProgress().progress });
      expect(again.answer).toEqual({ httpStatus: 200 });
      expect(await steps().web.check({ setup, signal: neverCancelled })).toEqual({ done: true, detail: { key: 'server:check.siteAnswers', values: { domain: DOMAIN, status: 200 } } });
      const site = await eventually('the app through nginx', () => visit(machine, `http://${DOMAIN}/`), (page) => page.body.includes(appText));
      expect(site.status).toBe(200);
    }, 120_000);

    it.sequential('without snapd, the HTTPS step installs certbot from apt in the terminal and gets a hardened certificate with a real renewal timer', async () => {
      expect(await machine.run('command -v snap || echo none')).toBe('none\n'); // a minimal server: no snapd
      expect(await machine.run('command -v certbot || echo none')).toBe('none\n');
      const outcome = await issueCertificate(
        request,
        { remote: ssh.remote, host: machine.host, byo: true, domainCheck: resolverDomainCheck([`${pebble.dns.host}:${pebble.dns.port}`]), ledger: new FailureLedger(), webServer: form },
        { signal: neverCancelled, progress: recordingProgress().progress },
      );
      expect(outcome.preflight.pass).toBe(true);
      expect(outcome.issued).toBe(true);
      expect(outcome.installedCertbot).toBe(true);
      // Installed from apt, visibly: the command and apt's own output are in the terminal.
      expect(ssh.terminalText()).toContain('python3-certbot-nginx');
      expect(ssh.terminalText()).toMatch(/Setting up certbot/);
      expect(ssh.terminalText()).toMatch(/Setting up python3-certbot-nginx/);
      expect(await machine.run("dpkg-query -W -f '${Status}' certbot python3-certbot-nginx")).toBe('install ok installedinstall ok installed');
      // The ARI note exactly where this release's certbot lacks it (read independently from the machine).
      const version = versionOf(await machine.run('certbot --version 2>&1'));
      expect(version).toMatch(/^\d+\.\d+/);
      if (lacksAri(version)) expect(outcome.certbotNote).toEqual({ key: 'server:https.certbotNoAri', values: { version } });
      else expect(outcome.certbotNote).toBeUndefined();
      // Measured 2026-12: noble's certbot 2.9.0 and resolute's 4.0.0 both predate ARI (4.1).
      if (release === '24.04') expect(outcome.certbotNote).toBeDefined();

      // Every verification passes, the renewal timer for real (systemd runs certbot.timer here).
      expect(outcome.verify?.checks.map((check) => [check.id, check.state])).toEqual([
        ['redirect', 'pass'],
        ['certificate', 'pass'],
        ['https', 'pass'],
        ['http2', 'pass'],
        ['hsts', 'pass'],
        ['serverVersion', 'pass'],
        ['renewalTimer', 'pass'],
        ['renewDryRun', 'pass'],
      ]);
      expect(outcome.verify?.certificate?.names).toContain(DOMAIN);
      expect(await machine.run('systemctl is-enabled certbot.timer')).toBe('enabled\n');
      expect(await machine.run('systemctl list-timers --all --no-legend --no-pager')).toContain('certbot.timer');
      expect(await steps().https.check({ setup: withHttps(), signal: neverCancelled })).toMatchObject({ done: true, detail: { key: 'server:check.httpsValid' } });
    }, 480_000);

    it.sequential('the finished site: HTTP/2, HSTS, no nginx version, IPv6 only where the machine has it', async () => {
      const root = await pebble.rootPem();
      const page = await visit(machine, `https://${DOMAIN}/`, root);
      expect(page).toMatchObject({ status: 200, issuer: expect.stringMatching(/Pebble/) });
      expect(page.body).toContain(appText);
      expect(await alpnOf(machine, DOMAIN, root)).toBe('h2');
      const headers = await machine.run(`curl -sk -D - -o /dev/null --resolve ${DOMAIN}:443:127.0.0.1 https://${DOMAIN}/`);
      expect(headers).toMatch(/^strict-transport-security: max-age=86400\r?$/im);
      expect(headers).toMatch(/^server: nginx\r?$/im); // no "nginx/1.xx (Ubuntu)"
      const file = await machine.run(`cat /etc/nginx/sites-available/${DOMAIN}`);
      expect(file).toMatch(HTTP2_DIRECTIVE[release]);
      const ipv6 = (await machine.run('cat /proc/net/if_inet6 2>/dev/null || true')).trim() !== '';
      expect(/^\s*listen \[::\]:/m.test(file)).toBe(ipv6);
      if (ipv6) expect(await machine.run(`curl -sk --http2 -o /dev/null -w '%{http_version}' --resolve '${DOMAIN}:443:[::1]' https://${DOMAIN}/`)).toBe('2');
    }, 60_000);

    it.sequential('the certificate watch sees the days left, the issuer and the renewal timer on the machine', async () => {
      const watched = await watchSite(withHttps(), { ssh: ssh.manager, knownHosts: ssh.knownHosts, resolve: () => Promise.resolve(machine.host) }, neverCancelled);
      expect(watched).toMatchObject({ domain: DOMAIN, httpStatus: 200, renewal: 'timer', verdict: 'ok' });
      expect(watched?.certificate).toMatchObject({ names: [DOMAIN], chainValid: true, issuer: expect.stringMatching(/Pebble/) });
      expect(watched?.certificate?.daysLeft).toBeGreaterThan(20);
      expect(watched?.reasons).toEqual([{ key: 'server:watch.ok', values: { domain: DOMAIN, days: watched?.certificate?.daysLeft, validTo: watched?.certificate?.validTo.slice(0, 10) } }]);
    }, 60_000);

    it.sequential('running the Web server step again after HTTPS keeps HTTPS: 443 answers with the certificate and http still redirects', async () => {
      const again = await applyWebServer(ssh.remote, { form, disableDefaultSite: false }, { signal: neverCancelled, progress: recordingProgress().progress });
      expect(again.answer).toEqual({ httpStatus: 301 });
      expect(again.httpsAnswer).toEqual({ httpStatus: 200 });
      const root = await pebble.rootPem();
      const page = await visit(machine, `https://${DOMAIN}/`, root);
      expect(page).toMatchObject({ status: 200, issuer: expect.stringMatching(/Pebble/) });
      expect(page.body).toContain(appText);
      expect(await alpnOf(machine, DOMAIN, root)).toBe('h2');
      expect(await probeHttp(machine.host, DOMAIN, neverCancelled, 5000, '/x')).toEqual({ reached: true, status: 301, location: `https://${DOMAIN}/x` });
      expect(await machine.run(`curl -sk -D - -o /dev/null --resolve ${DOMAIN}:443:127.0.0.1 https://${DOMAIN}/`)).toMatch(/^strict-transport-security: max-age=86400\r?$/im);
      expect(await steps().web.check({ setup, signal: neverCancelled })).toEqual({ done: true, detail: { key: 'server:check.siteAnswers', values: { domain: DOMAIN, status: 301 } } });
      expect(await steps().https.check({ setup: withHttps(), signal: neverCancelled })).toMatchObject({ done: true, detail: { key: 'server:check.httpsValid' } });
    }, 120_000);

    it.sequential('on a server whose IPv6 is switched off, the rewritten site listens on IPv4 only and keeps HTTPS', async () => {
      await switchOffIpv6(machine);
      expect((await machine.run('cat /proc/net/if_inet6 2>/dev/null || true')).trim()).toBe('');
      const again = await applyWebServer(ssh.remote, { form, disableDefaultSite: false }, { signal: neverCancelled, progress: recordingProgress().progress });
      expect(again.answer).toEqual({ httpStatus: 301 });
      expect(again.httpsAnswer).toEqual({ httpStatus: 200 });
      const file = await machine.run(`cat /etc/nginx/sites-available/${DOMAIN}`);
      expect(file).not.toMatch(/listen \[::\]/);
      expect(file).toMatch(/^\s*listen 80;/m);
      expect(file).toMatch(HTTP2_DIRECTIVE[release]);
      const page = await visit(machine, `https://${DOMAIN}/`, await pebble.rootPem());
      expect(page).toMatchObject({ status: 200, issuer: expect.stringMatching(/Pebble/) });
    }, 120_000);
  });
});
