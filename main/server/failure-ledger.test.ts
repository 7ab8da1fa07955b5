import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyCertbotFailure, unpauseUrlOf } from './certbot-failure';
import { FailureLedger, LEDGER_FILE, REFILL_MS, triesLeft } from './failure-ledger';

describe('FailureLedger', () => {
  it('follows Let\'s Encrypt\'s bucket (5 per hostname, one back every 12 minutes): two quick failures stop it, with the minutes until a try is back', async () => {
    let now = 1_000_000;
    const ledger = new FailureLedger(undefined, () => now);
    await ledger.assertMayTry('example.com@letsencrypt');
    await ledger.recordFailure('example.com@letsencrypt');
    await ledger.assertMayTry('example.com@letsencrypt');
    now += 2 * 60_000;
    expect(await ledger.recordFailure('example.com@letsencrypt')).toBe(2);
    await expect(ledger.assertMayTry('example.com@letsencrypt')).rejects.toMatchObject({ code: 'server.rateLimitGuard', params: { failures: 2, minutes: 10, name: 'example.com' } });
    await ledger.assertMayTry('other.com@letsencrypt');
    now += 10 * 60_000; // 12 minutes after the first failure: one try is back
    await ledger.assertMayTry('example.com@letsencrypt');
  });

  it('failures spread out refill: one every 12 minutes never stops it, one every 5 minutes does', async () => {
    let now = 0;
    const ledger = new FailureLedger(undefined, () => now);
    for (let i = 0; i < 6; i += 1) {
      await ledger.assertMayTry('slow.com@ca');
      await ledger.recordFailure('slow.com@ca');
      now += REFILL_MS;
    }
    now = 10 * 60 * 60_000;
    await ledger.recordFailure('fast.com@ca');
    now += 5 * 60_000;
    await ledger.recordFailure('fast.com@ca');
    await expect(ledger.assertMayTry('fast.com@ca')).rejects.toMatchObject({ code: 'server.rateLimitGuard' });
    expect(triesLeft([0, 5 * 60_000], 5 * 60_000)).toBeCloseTo(3 + 5 / 12, 5);
    expect(triesLeft([0, 1, 2, 3, 4], 60 * 60_000)).toBe(5);
  });

  it('counts per hostname: a failure for example.com and www.example.com stops both', async () => {
    const ledger = new FailureLedger(undefined, () => 0);
    await ledger.recordFailure(['a.com@ca', 'www.a.com@ca']);
    await ledger.recordFailure(['a.com@ca', 'www.a.com@ca']);
    await expect(ledger.assertMayTry(['www.a.com@ca'])).rejects.toMatchObject({ params: { name: 'www.a.com' } });
    await ledger.clear(['a.com@ca', 'www.a.com@ca']);
    await ledger.assertMayTry(['a.com@ca', 'www.a.com@ca']);
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
    [PAUSED, 'paused'],
  ])('%s', (log, kind) => {
    expect(classifyCertbotFailure(log)).toBe(kind);
  });

  it('a paused hostname gives the portal link to unpause it, and only that portal\'s link', () => {
    expect(unpauseUrlOf(PAUSED)).toBe('https://portal.letsencrypt.org/sfe/v1/unpause?jwt=eyJhbGciOi.eyJzdWIi.sig-_x');
    expect(unpauseUrlOf('Please visit: https://evil.example/sfe/v1/unpause?jwt=x')).toBeUndefined();
  });
});

const PAUSED = [
  'An unexpected error occurred:',
  'Error creating new order :: Your account is temporarily prevented from requesting certificates for a.com and possibly others. Please visit: https://portal.letsencrypt.org/sfe/v1/unpause?jwt=eyJhbGciOi.eyJzdWIi.sig-_x',
].join('\n');
