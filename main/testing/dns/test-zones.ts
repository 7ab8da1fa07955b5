/**
 * The zones the DNS tests and the Domain e2e serve from Knot. Every
 * nameserver name resolves to 127.0.0.1, so the app's NS walk leads back to
 * the same loopback server (asked on its port through `nameserverPort`).
 *
 * | name                         | what it shows                                     |
 * |------------------------------|---------------------------------------------------|
 * | match.onramp.test (+ www)    | A = the expected IP: passes                       |
 * | mismatch.onramp.test         | A points elsewhere                                |
 * | v6.onramp.test               | right A, stray AAAA                               |
 * | caa-deny.onramp.test         | CAA issue "sectigo.com"                           |
 * | caa-allow.onramp.test        | CAA issue "letsencrypt.org"                       |
 * | wild-only.onramp.test        | CAA issuewild only: no effect on a plain cert     |
 * | missing.onramp.test          | NXDOMAIN                                          |
 * | <Korean>.onramp.test         | an IDN (punycode owner name)                      |
 * | shop.onramp.test (+ www)     | delegated from onramp.test to ns.dns-host.test    |
 * | byo.onramp.test (+ www)      | A = 127.0.0.1: the local sshd as the user's server |
 * | app.caa-parent.test          | CAA inherited from the parent: sectigo only       |
 * | unregistered.test            | no delegation at all (NXDOMAIN in `test.`)        |
 * | later.test                   | points elsewhere until a test fixes it (`laterZone`) |
 */
import { domainToASCII } from 'node:url';
import type { ZoneSpec } from './knot-fixture';

export const EXPECTED_IP = '203.0.113.10';
export const OTHER_IP = '198.51.100.7';
/** A name for the bring-your-own server on loopback (the web server → HTTPS e2e). */
export const SERVER_DOMAIN = 'byo.onramp.test';
export const SERVER_IP = '127.0.0.1';
export const IDN_NAME = '한글도메인.onramp.test';
export const IDN_ASCII = domainToASCII(IDN_NAME);

const soa = (ns: string) => `@ SOA ${ns}. hostmaster.onramp.test. 1 3600 600 86400 300`;

export function testZones(): ZoneSpec[] {
  const idnLabel = IDN_ASCII.split('.')[0] ?? '';
  return [
    { name: 'test', records: [soa('ns.dns-host.test'), '@ NS ns.dns-host.test.'] },
    { name: 'dns-host.test', records: [soa('ns.dns-host.test'), '@ NS ns', 'ns A 127.0.0.1'] },
    {
      name: 'onramp.test',
      records: [
        soa('ns1.onramp.test'),
        '@ NS ns1',
        'ns1 A 127.0.0.1',
        `match A ${EXPECTED_IP}`,
        `www.match A ${EXPECTED_IP}`,
        `mismatch A ${OTHER_IP}`,
        `v6 A ${EXPECTED_IP}`,
        'v6 AAAA 2001:db8::1',
        `caa-deny A ${EXPECTED_IP}`,
        'caa-deny CAA 0 issue "sectigo.com"',
        `caa-allow A ${EXPECTED_IP}`,
        'caa-allow CAA 0 issue "letsencrypt.org"',
        `wild-only A ${EXPECTED_IP}`,
        'wild-only CAA 0 issuewild "sectigo.com"',
        `${idnLabel} A ${EXPECTED_IP}`,
        'shop NS ns.dns-host.test.',
        `byo A ${SERVER_IP}`,
        `www.byo A ${SERVER_IP}`,
      ],
    },
    { name: 'shop.onramp.test', records: [soa('ns.dns-host.test'), '@ NS ns.dns-host.test.', `@ A ${EXPECTED_IP}`, `www A ${EXPECTED_IP}`] },
    laterZone(OTHER_IP, 1),
    { name: 'caa-parent.test', records: [soa('ns.dns-host.test'), '@ NS ns.dns-host.test.', '@ CAA 0 issue "sectigo.com"', `app A ${EXPECTED_IP}`] },
  ];
}

/** A zone of its own, so a test can change it while the app watches (serial must grow). */
export function laterZone(ip: string, serial: number): ZoneSpec {
  return { name: 'later.test', records: [`@ SOA ns.dns-host.test. hostmaster.onramp.test. ${serial} 3600 600 86400 300`, '@ NS ns.dns-host.test.', `@ A ${ip}`] };
}
