/**
 * The classic failures, each caught and explained BEFORE certbot asks the CA,
 * against the real sshd, the machine's real nginx and challtestsrv's real DNS:
 * a broken nginx config (error mapped to its line, previous file restored), a
 * default site serving the same name (refused without consent), a
 * server_name mismatch, port 80 closed, DNS pointing elsewhere, a stray AAAA,
 * a CAA record that does not allow Let's Encrypt.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsRequest, webServerForm } from '../../common/contract/schemas/server';
import { stopNginx } from '../testing/server/machine-state';
import { neverCancelled, recordingProgress, startServerMachine, type ServerMachine } from '../testing/server/server-machine';
import { resolverDomainCheck } from '../testing/dns/resolver-domain-check';
import { FailureLedger } from './failure-ledger';
import { issueCertificate } from './https-issue';
import { runPreflight } from './https-preflight';
import { applyWebServer } from './web-server-apply';

const context = () => ({ signal: neverCancelled, progress: recordingProgress().progress });

describe('failures caught before certbot', () => {
  let machine: ServerMachine;
  const preflightDeps = () => ({
    remote: machine.remote,
    host: '127.0.0.1',
    byo: true,
    domainCheck: resolverDomainCheck([`127.0.0.1:${machine.pebble?.dns.port ?? 0}`]),
    signal: neverCancelled,
  });
  beforeAll(async () => {
    machine = await startServerMachine({ pebble: true });
  }, 660_000); // (may wait for the machine lock while another file holds it)
  afterAll(async () => {
    await machine?.stop();
  }, 60_000);

  it('nginx -t failing: the error is mapped to the line of the edited config, and the previous site is restored', async () => {
    const form = webServerForm.parse({ domain: 'good.test' });
    await applyWebServer(machine.remote, { form, disableDefaultSite: false }, context());
    const good = readFileSync('/etc/nginx/sites-available/good.test', 'utf8');
    const broken = good.replace('client_max_body_size 10m;', 'client_max_body_size 10m\n    proxy_buffering off;');
    const line = broken.split('\n').indexOf('    proxy_buffering off;') + 1; // where nginx stops reading the unterminated directive
    expect(line).toBeGreaterThan(1);
    await expect(applyWebServer(machine.remote, { form, config: broken, disableDefaultSite: false }, context())).rejects.toMatchObject({
      code: 'server.nginxTestFailedAtLine',
      params: { line, lineText: 'proxy_buffering off;', message: 'invalid number of arguments in "client_max_body_size" directive' },
    });
    expect(readFileSync('/etc/nginx/sites-available/good.test', 'utf8')).toBe(good);
  });

  it('a broken new site is removed again (there was no previous file)', async () => {
    const form = webServerForm.parse({ domain: 'fresh.test' });
    await expect(applyWebServer(machine.remote, { form, config: 'server {\n  listen 80;\n  server_name fresh.test\n', disableDefaultSite: false }, context())).rejects.toMatchObject({
      code: 'server.nginxTestFailedAtLine',
    });
    expect(() => readFileSync('/etc/nginx/sites-available/fresh.test')).toThrow();
    expect(() => readFileSync('/etc/nginx/sites-enabled/fresh.test')).toThrow();
  });

  it('a default site serving our name is disabled only with consent', async () => {
    const original = readFileSync('/etc/nginx/sites-available/default', 'utf8');
    const { writeFileSync } = await import('node:fs');
    writeFileSync('/etc/nginx/sites-available/default', original.replace('server_name _;', 'server_name _ clash.test;'));
    const form = webServerForm.parse({ domain: 'clash.test' });
    await expect(applyWebServer(machine.remote, { form, disableDefaultSite: false }, context())).rejects.toMatchObject({
      code: 'server.defaultSiteSameName',
      params: { name: 'clash.test' },
    });
    expect(() => readFileSync('/etc/nginx/sites-available/clash.test')).toThrow(); // nothing was changed
    const applied = await applyWebServer(machine.remote, { form, disableDefaultSite: true }, context());
    expect(applied.disabledDefaultSite).toBe(true);
    expect(() => readFileSync('/etc/nginx/sites-enabled/default')).toThrow();
  });

  it('server_name mismatch and DNS elsewhere are explained, and certbot never runs', async () => {
    await machine.pebble?.mockDns('add-a', { host: 'elsewhere.test.', addresses: ['203.0.113.9'] });
    const request = httpsRequest.parse({ domain: 'elsewhere.test', email: 'a@example.com' });
    const outcome = await issueCertificate(request, { ...preflightDeps(), ledger: new FailureLedger() }, context());
    expect(outcome.issued).toBe(false);
    const byId = Object.fromEntries(outcome.preflight.checks.map((c) => [c.id, c]));
    expect(byId['serverName']).toMatchObject({ state: 'fail', detail: { key: 'server:preflight.serverNameMissing', values: { names: 'elsewhere.test' } } });
    expect(byId['dns']).toMatchObject({ state: 'fail', reasons: [{ key: 'server:dns.aMismatch', values: { found: '203.0.113.9', expected: '127.0.0.1' } }] });
    expect(machine.terminalText()).not.toContain('certbot');
  });

  it('a stray AAAA and a CAA record without letsencrypt.org fail the DNS check', async () => {
    await machine.pebble?.mockDns('add-aaaa', { host: 'good.test.', addresses: ['2001:db8::1'] });
    await machine.pebble?.mockDns('add-caa', { host: 'good.test.', policies: [{ tag: 'issue', value: 'pki.goog' }] });
    const report = await runPreflight(httpsRequest.parse({ domain: 'good.test', email: 'a@example.com' }), preflightDeps());
    const dns = report.checks.find((c) => c.id === 'dns');
    expect(dns?.reasons?.map((r) => r.key)).toEqual(['server:dns.strayAaaa', 'server:dns.caaBlocks']);
    expect(report.checks.find((c) => c.id === 'serverName')?.state).toBe('pass');
  });

  it('a certbot failure after a passing preflight is explained from its log (an ACME server whose CA is not trusted)', async () => {
    const pebble = machine.pebble;
    if (!pebble) throw new Error('pebble fixture missing');
    await applyWebServer(machine.remote, { form: webServerForm.parse({ domain: 'acme.test' }), disableDefaultSite: false }, context());
    const request = httpsRequest.parse({ domain: 'acme.test', email: 'a@example.com', acme: { directoryUrl: pebble.directoryUrl, caPem: await pebble.rootPem() } });
    await expect(issueCertificate(request, { ...preflightDeps(), ledger: new FailureLedger() }, context())).rejects.toMatchObject({
      code: 'server.certbotAcmeUnreachable',
      params: { exitCode: 1, failures: 0 },
    });
    expect(machine.terminalText()).toContain('certbot --nginx -d acme.test');
  }, 120_000);

  it('after two failed validations it stops before a third and explains the rate limit', async () => {
    const pebble = machine.pebble;
    if (!pebble) throw new Error('pebble fixture missing');
    await applyWebServer(machine.remote, { form: webServerForm.parse({ domain: 'flaky.test' }), disableDefaultSite: false }, context());
    const ledger = new FailureLedger();
    const request = httpsRequest.parse({ domain: 'flaky.test', email: 'a@example.com', acme: { directoryUrl: pebble.directoryUrl, caPem: await pebble.caBundle() } });
    // The preflight passes; then (as DNS can change between the check and the CA's lookup) the CA's DNS answers SERVFAIL.
    const breakDnsAfterPreflight = () => {
      let broken: Promise<void> | undefined;
      return {
        signal: neverCancelled,
        progress: (update: { phase: string }) => {
          if (update.phase === 'server:phases.checkCertbot') broken ??= pebble.mockDns('set-servfail', { host: 'flaky.test.' });
        },
        done: () => broken,
      };
    };
    const deps = { ...preflightDeps(), ledger };
    for (const failures of [1, 2]) {
      const run = breakDnsAfterPreflight();
      // (pebble reports a lookup failure as a `connection` problem; Let's Encrypt as a `dns` one: both count, both explained)
      await expect(issueCertificate(request, deps, run)).rejects.toMatchObject({ code: expect.stringMatching(/^server\.certbot(Dns|Connection)$/), params: { failures } });
      await run.done();
      await pebble.mockDns('clear-servfail', { host: 'flaky.test.' });
    }
    const certbotRuns = (machine.terminalText().match(/certbot --nginx -d flaky\.test/g) ?? []).length;
    expect(certbotRuns).toBeGreaterThanOrEqual(2);
    await expect(issueCertificate(request, deps, context())).rejects.toMatchObject({ code: 'server.rateLimitGuard', params: { failures: 2 } });
    expect((machine.terminalText().match(/certbot --nginx -d flaky\.test/g) ?? []).length).toBe(certbotRuns); // no third run
  }, 180_000);

  it('port 80 closed (nothing listening) is caught', async () => {
    await stopNginx();
    const report = await runPreflight(httpsRequest.parse({ domain: 'good.test', email: 'a@example.com' }), preflightDeps());
    expect(report.pass).toBe(false);
    expect(report.checks.find((c) => c.id === 'port80')).toMatchObject({ state: 'fail', detail: { key: 'server:preflight.port80ClosedOwnServer', values: { code: 'ECONNREFUSED' } } });
  });
});
