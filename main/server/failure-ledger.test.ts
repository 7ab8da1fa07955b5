import { describe, expect, it } from 'vitest';
import { classifyCertbotFailure } from './certbot-failure';
import { FailureLedger } from './failure-ledger';

describe('FailureLedger', () => {
  it('stops after two failures within an hour and says how long to wait', () => {
    let now = 1_000_000;
    const ledger = new FailureLedger(() => now);
    ledger.assertMayTry('example.com');
    ledger.recordFailure('example.com');
    ledger.assertMayTry('example.com');
    now += 10 * 60_000;
    ledger.recordFailure('example.com');
    expect(() => ledger.assertMayTry('example.com')).toThrow(expect.objectContaining({ code: 'server.rateLimitGuard', params: { failures: 2, minutes: 50 } }));
    ledger.assertMayTry('other.com');
    now += 51 * 60_000; // the first failure left the window
    ledger.assertMayTry('example.com');
  });
});

describe('classifyCertbotFailure', () => {
  it.each([
    ['Certbot failed to authenticate some domains\n  Detail: 203.0.113.7: Fetching http://a.com/.well-known/acme-challenge/x: Timeout during connect (likely firewall problem)', 'connection'],
    ['Detail: DNS problem: NXDOMAIN looking up A for a.com', 'dns'],
    ['Detail: CAA record for a.com prevents issuance', 'caa'],
    ['Detail: 203.0.113.7: Invalid response from http://a.com/.well-known/acme-challenge/x: 404', 'unauthorized'],
    ['Error creating new order :: too many failed authorizations recently', 'rateLimited'],
    ['Could not automatically find a matching server block for a.com.', 'noServerBlock'],
    ['something else entirely', 'unknown'],
  ])('%s', (log, kind) => {
    expect(classifyCertbotFailure(log)).toBe(kind);
  });
});
