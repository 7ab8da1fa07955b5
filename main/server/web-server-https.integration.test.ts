/**
 * The Web server and HTTPS steps end to end with NO fakes: the local sshd as a
 * bring-your-own server, the machine's real nginx on port 80/443, real certbot
 * against a real pebble (challtestsrv as its DNS; real http-01 validation
 * through nginx), the app on :8000. Runs as root; the fixture restores
 * /etc/nginx and /etc/letsencrypt and stops nginx and pebble afterwards.
 */
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
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

const DOMAIN = 'onramp.test';

function httpsGet(url: string, ca: string): Promise<{ status: number; body: string; issuer: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, lookup: (_host, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]) }, (response) => {
        let body = '';
        const issuer = String((response.socket as TLSSocket).getPeerCertificate().issuer?.CN ?? '');
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, issuer }));
      })
      .on('error', reject);
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
    expect(applied).toMatchObject({ site: DOMAIN, installedNginx: false, disabledDefaultSite: false, answer: { httpStatus: 200 } });
    expect(machine.app?.hosts).toContain(DOMAIN);
    // Every change was typed into the visible terminal.
    expect(machine.terminalText()).toContain(`sudo install -m 644 /tmp/onramp-site-`);
    expect(machine.terminalText()).toContain('sudo nginx -t');

    const request = httpsRequest.parse({ domain: DOMAIN, email: 'admin@onramp.test', acme: { directoryUrl: pebble.directoryUrl, caPem: await pebble.caBundle() } });
    const tls = recordingProgress();
    const outcome = await issueCertificate(
      request,
      { remote: machine.remote, host: '127.0.0.1', byo: true, domainCheck: resolverDomainCheck([`${pebble.dns.host}:${pebble.dns.port}`]), ledger: new FailureLedger() },
      { signal: neverCancelled, progress: tls.progress },
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
      ['renewalTimer', 'warn'], // no systemd on this machine: said so, with the fix
      ['renewDryRun', 'pass'],
    ]);
    expect(verify?.certificate?.issuer).toMatch(/Pebble/);
    expect(verify?.certificate?.names).toContain(DOMAIN);
    expect(verify?.certificate?.daysLeft).toBeGreaterThan(300);
    expect(tls.phases).toEqual(['server:phases.preflight', 'server:phases.checkCertbot', 'server:phases.certbot', 'server:phases.verifyHttps']);

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
    const page = await httpsGet(`https://${DOMAIN}/`, await pebble.rootPem());
    expect(page.status).toBe(200);
    expect(page.body).toContain('hello from the app (proto https)');
    expect(page.issuer).toMatch(/Pebble/);
  }, 180_000);
});
