/**
 * The live DNS check against a REAL DNS server (Knot on loopback, see
 * main/testing/dns/): the NS walk, authoritative and "public" rows, and the
 * verdict for each classic failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import { startKnot, type DnsServerFixture } from '../testing/dns/knot-fixture';
import { EXPECTED_IP, IDN_ASCII, IDN_NAME, OTHER_IP, laterZone, testZones } from '../testing/dns/test-zones';
import { checkDomain, type CheckProgress, type DnsEnvironment } from './check-domain';

let knot: DnsServerFixture;
let environment: DnsEnvironment;

beforeAll(async () => {
  knot = await startKnot(testZones());
  environment = { publicResolvers: [knot.address], nsLookupServers: [knot.address], nameserverPort: knot.port, timeoutMs: 1000, tries: 1 };
});
afterAll(async () => {
  await knot?.stop();
});

const check = (domain: string, www = false) => checkDomain({ domain, www, expectedIpv4: EXPECTED_IP }, environment);

describe('checkDomain against Knot on loopback', () => {
  it('passes when the A record is the expected IP, on the authoritative server and the public resolver', async () => {
    const progress: CheckProgress[] = [];
    const report = await checkDomain({ domain: 'match.onramp.test', www: true, expectedIpv4: EXPECTED_IP }, environment, { onProgress: (p) => progress.push(p) });
    expect(report.pass).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.zone).toBe('onramp.test');
    expect(report.nameservers).toEqual([{ name: 'ns1.onramp.test', addresses: ['127.0.0.1'] }]);
    expect(report.rows.map((r) => [r.resolver.kind, r.resolver.label, r.name, r.a])).toEqual([
      ['authoritative', 'ns1.onramp.test', 'match.onramp.test', [EXPECTED_IP]],
      ['authoritative', 'ns1.onramp.test', 'www.match.onramp.test', [EXPECTED_IP]],
      ['public', knot.address, 'match.onramp.test', [EXPECTED_IP]],
      ['public', knot.address, 'www.match.onramp.test', [EXPECTED_IP]],
    ]);
    expect(report.maxTtl).toBe(300);
    expect(progress.at(-1)).toMatchObject({ phase: 'servers', done: 2, total: 2 });
  });

  it('fails on a mismatch and names what the record points at', async () => {
    const report = await check('mismatch.onramp.test');
    expect(report.pass).toBe(false);
    expect(report.rows.every((r) => r.problems.includes('mismatch'))).toBe(true);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'mismatch', values: expect.objectContaining({ found: OTHER_IP, expected: EXPECTED_IP }) })]);
  });

  it('fails when www is wanted but has no record', async () => {
    const report = await check('mismatch.onramp.test', true);
    expect(report.rows.filter((r) => r.name === 'www.mismatch.onramp.test').every((r) => r.problems.includes('nxdomain'))).toBe(true);
  });

  it('fails on a stray AAAA even when the A record is right', async () => {
    const report = await check('v6.onramp.test');
    expect(report.pass).toBe(false);
    expect(report.rows[0]?.aaaa).toEqual(['2001:db8::1']);
    expect(report.problems.map((p) => p.code)).toEqual(['strayAaaa']);
  });

  it('fails on a CAA that allows only another CA', async () => {
    const report = await check('caa-deny.onramp.test');
    expect(report.pass).toBe(false);
    expect(report.rows[0]?.caa).toEqual({ state: 'denies', foundAt: 'caa-deny.onramp.test', records: ['0 issue "sectigo.com"'], reason: 'otherIssuer' });
    expect(report.problems.map((p) => p.code)).toEqual(['caaDeny']);
  });

  it('passes with a CAA that allows letsencrypt.org, and with an issuewild-only CAA', async () => {
    const allow = await check('caa-allow.onramp.test');
    expect(allow.pass).toBe(true);
    expect(allow.rows[0]?.caa.state).toBe('allows');
    const wild = await check('wild-only.onramp.test');
    expect(wild.pass).toBe(true);
    expect(wild.rows[0]?.caa).toMatchObject({ state: 'allows', records: ['0 issuewild "sectigo.com"'] });
  });

  it('finds a CAA inherited from the parent name', async () => {
    const report = await check('app.caa-parent.test');
    expect(report.pass).toBe(false);
    expect(report.rows.every((r) => r.caa.state === 'denies' && r.caa.foundAt === 'caa-parent.test')).toBe(true);
  });

  it('reports NXDOMAIN for a name the zone does not have', async () => {
    const report = await check('missing.onramp.test');
    expect(report.pass).toBe(false);
    expect(report.zone).toBe('onramp.test');
    expect(report.problems.map((p) => p.code)).toEqual(['nxdomain']);
  });

  it('reports a domain nobody delegated', async () => {
    const report = await check('unregistered.test');
    expect(report.pass).toBe(false);
    expect(report.nameservers).toEqual([]);
    expect(report.problems[0]?.code).toBe('notDelegated');
    // The resolvers' NXDOMAIN is its consequence, not a second problem with other advice.
    expect(report.rows.some((r) => r.problems.includes('nxdomain'))).toBe(true);
    expect(report.problems.map((p) => p.code)).toEqual(['notDelegated']);
  });

  it('sees a change made at the nameserver on the next check', async () => {
    expect((await check('later.test')).problems.map((p) => p.code)).toEqual(['mismatch']);
    await knot.replaceZone(laterZone(EXPECTED_IP, 2));
    expect((await check('later.test')).pass).toBe(true);
    await knot.replaceZone(laterZone(OTHER_IP, 3));
  });

  it('walks a delegation to nameservers under another name', async () => {
    const report = await check('www.shop.onramp.test');
    expect(report.zone).toBe('shop.onramp.test');
    expect(report.nameservers).toEqual([{ name: 'ns.dns-host.test', addresses: ['127.0.0.1'] }]);
    expect(report.pass).toBe(true);
  });

  it('checks a Korean domain by its punycode and gives the Unicode form back', async () => {
    const report = await check(IDN_NAME);
    expect(report.domain).toBe(IDN_ASCII);
    expect(report.unicodeDomain).toBe(IDN_NAME);
    expect(report.pass).toBe(true);
  });

  it('explains a public resolver that never answers, within the timeout', async () => {
    const silent = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    const address = `127.0.0.1:${silent.address().port}`;
    const started = Date.now();
    const report = await checkDomain({ domain: 'match.onramp.test', www: false, expectedIpv4: EXPECTED_IP }, { ...environment, publicResolvers: [address], timeoutMs: 300 });
    silent.close();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(report.pass).toBe(false);
    const row = report.rows.find((r) => r.resolver.address === address);
    expect(row?.problems).toContain('timeout');
    expect(report.problems.map((p) => p.code)).toEqual(['timeout']);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(checkDomain({ domain: 'match.onramp.test', www: false, expectedIpv4: EXPECTED_IP }, environment, { signal: controller.signal })).rejects.toThrow();
  });

  it('refuses an invalid domain with a coded error', async () => {
    await expect(check('not a domain')).rejects.toMatchObject({ code: 'dns.invalidDomain' });
  });
});
