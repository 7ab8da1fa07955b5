import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyCertbotFailure } from './certbot-failure';
import { FailureLedger, LEDGER_FILE } from './failure-ledger';

describe('FailureLedger', () => {
  it('stops after two failures within an hour and says how long to wait', async () => {
    let now = 1_000_000;
    const ledger = new FailureLedger(undefined, () => now);
    await ledger.assertMayTry('example.com');
    await ledger.recordFailure('example.com');
    await ledger.assertMayTry('example.com');
    now += 10 * 60_000;
    expect(await ledger.recordFailure('example.com')).toBe(2);
    await expect(ledger.assertMayTry('example.com')).rejects.toMatchObject({ code: 'server.rateLimitGuard', params: { failures: 2, minutes: 50 } });
    await ledger.assertMayTry('other.com');
    now += 51 * 60_000; // the first failure left the window
    await ledger.assertMayTry('example.com');
  });

  it('remembers the failures across a restart (a new ledger over the same data dir), and a success clears them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-ledger-'));
    let now = 5_000_000;
    const clock = () => now;
    await new FailureLedger(dir, clock).recordFailure('a.com@letsencrypt');
    now += 60_000;
    await new FailureLedger(dir, clock).recordFailure('a.com@letsencrypt');
    const afterRestart = new FailureLedger(dir, clock);
    await expect(afterRestart.assertMayTry('a.com@letsencrypt')).rejects.toMatchObject({ code: 'server.rateLimitGuard' });
    expect(statSync(path.join(dir, LEDGER_FILE)).mode & 0o777).toBe(0o600);
    await afterRestart.clear('a.com@letsencrypt');
    await new FailureLedger(dir, clock).assertMayTry('a.com@letsencrypt');
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts a damaged or hostile file as empty instead of getting stuck', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-ledger-'));
    const file = path.join(dir, LEDGER_FILE);
    for (const text of ['{not json', 'null', '{"failures": {"a.com": "x"}}', JSON.stringify({ failures: { ['a'.repeat(5000)]: [Date.now()] } })]) {
      writeFileSync(file, text);
      const ledger = new FailureLedger(dir);
      await ledger.assertMayTry('a.com');
      expect(await ledger.recordFailure('a.com')).toBe(1);
      rmSync(file);
    }
    rmSync(dir, { recursive: true, force: true });
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
