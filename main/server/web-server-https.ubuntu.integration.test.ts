/**
 * The Web server and HTTPS steps on REAL Ubuntu 24.04 and 26.04 servers with
 * systemd (main/testing/systemd-server/), as a user with a fresh server would
 * run them: the app answers on :8000 as a systemd service, the Web server
 * step publishes it through the server's own nginx, and the HTTPS step gets a
 * certificate from pebble on the host (http-01 validated against the
 * machine's address), with the redirect and a renewal timer that systemd
 * really runs. What is asserted is what the user sees, from outside the steps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsRequest, webServerForm } from '../../common/contract/schemas/server';
import { resolverDomainCheck } from '../testing/dns/resolver-domain-check';
import { startPebble, type PebbleFixture } from '../testing/server/pebble';
import { neverCancelled, recordingProgress } from '../testing/server/server-machine';
import { skipWithoutSystemdServers } from '../testing/systemd-server/availability';
import { eventually, serveTestApp, visit } from '../testing/systemd-server/machine-app';
import { productSsh, type ProductSsh } from '../testing/systemd-server/product-ssh';
import { startUbuntuMachine, type UbuntuMachine, type UbuntuRelease } from '../testing/systemd-server/ubuntu-machine';
import { FailureLedger } from './failure-ledger';
import { probeHttp } from './http-probe';
import { issueCertificate } from './https-issue';
import { applyWebServer } from './web-server-apply';

describe.skipIf(skipWithoutSystemdServers('the Web server and HTTPS steps on Ubuntu'))('Web server → HTTPS on real Ubuntu servers', () => {
  // The two releases side by side (each its own machine, network and pebble).
  describe.concurrent.each<UbuntuRelease>(['24.04', '26.04'])('Ubuntu %s', (release) => {
    // A name per release: both run at once, and a connection pool keyed by name must never mix them up.
    const DOMAIN = `ubuntu-${release.replace('.', '')}.test`;
    const appText = `hello from the app on Ubuntu ${release}`;
    let machine: UbuntuMachine;
    let ssh: ProductSsh;
    let pebble: PebbleFixture;
    beforeAll(async () => {
      machine = await startUbuntuMachine({ release });
      pebble = await startPebble({ listenHost: machine.hostAddress, answerIPv4: machine.host });
      ssh = await productSsh(machine);
      // The user's app, a systemd service on :8000; and certbot as apt has it (no snapd in a minimal server).
      await serveTestApp(machine, appText);
      await machine.run('sudo apt-get update -q 2>&1 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends certbot 2>&1', 400_000);
    }, 600_000);
    afterAll(async () => {
      await ssh?.dispose();
      await pebble?.stop();
      await machine?.stop();
    }, 60_000);

    it.sequential('publishes the app through nginx, then gets a certificate with the redirect and a renewal timer systemd runs', async () => {
      const web = recordingProgress();
      const applied = await applyWebServer(ssh.remote, { form: webServerForm.parse({ domain: DOMAIN }), disableDefaultSite: false }, { signal: neverCancelled, progress: web.progress });
      expect(applied).toMatchObject({ site: DOMAIN, installedNginx: false, answer: { httpStatus: 200 } });
      expect(ssh.terminalText()).toContain('sudo nginx -t');
      // What a visitor gets for the domain (from the host, over the network): the app itself.
      const site = await eventually('the app through nginx', () => visit(machine, `http://${DOMAIN}/`), (page) => page.body.includes(appText));
      expect(site.status).toBe(200);

      const request = httpsRequest.parse({ domain: DOMAIN, email: `admin@${DOMAIN}`, acme: { directoryUrl: pebble.directoryUrl, caPem: await pebble.caBundle() } });
      const outcome = await issueCertificate(
        request,
        { remote: ssh.remote, host: machine.host, byo: true, domainCheck: resolverDomainCheck([`${pebble.dns.host}:${pebble.dns.port}`]), ledger: new FailureLedger() },
        { signal: neverCancelled, progress: recordingProgress().progress },
      );
      expect(outcome.preflight.pass).toBe(true);
      expect(outcome.issued).toBe(true);
      // certbot came from apt without its nginx plugin: the step installed the plugin (from apt: no snapd here).
      expect(outcome.installedCertbot).toBe(true);
      expect(await machine.run("dpkg-query -W -f '${Status}' python3-certbot-nginx")).toBe('install ok installed');
      const verdicts = Object.fromEntries((outcome.verify?.checks ?? []).map((check) => [check.id, check.state]));
      // On a real systemd server the renewal timer check is a real pass, not a warning.
      expect(verdicts).toMatchObject({ redirect: 'pass', certificate: 'pass', https: 'pass', renewalTimer: 'pass', renewDryRun: 'pass' });
      expect(outcome.verify?.certificate?.names).toContain(DOMAIN);

      // End state, seen independently of the product's own verification.
      expect(await probeHttp(machine.host, DOMAIN, neverCancelled, 5000, '/x')).toEqual({ reached: true, status: 301, location: `https://${DOMAIN}/x` });
      const page = await visit(machine, `https://${DOMAIN}/`, await pebble.rootPem());
      expect(page).toMatchObject({ status: 200, issuer: expect.stringMatching(/Pebble/) });
      expect(page.body).toContain(appText);
      expect(await machine.run('systemctl is-enabled certbot.timer')).toBe('enabled\n');
      expect(await machine.run('systemctl list-timers --all --no-legend --no-pager')).toContain('certbot.timer');
    }, 300_000);
  });
});
