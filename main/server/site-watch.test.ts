/**
 * The watch's verdicts (what the sidebar and Done show) and its service: one
 * check at a time, reported through the event, never stuck. The watch against
 * a real pebble certificate runs in web-server-https.integration.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { CertificateView } from '../../common/contract/schemas/server';
import { freshSetupState } from '../setup/state-store';
import { verdictReasons, WARN_DAYS, warnDaysFor, watchedDomain } from './site-watch';
import { createSiteWatch } from './site-watch-service';

const cert = (daysLeft: number, extra: Partial<CertificateView> = {}): CertificateView => ({
  subject: 'CN=a.com',
  issuer: 'CN=R11, O=Let\'s Encrypt',
  names: ['a.com'],
  validFrom: '2026-10-03T00:00:00.000Z', // 90 days
  validTo: '2027-01-01T00:00:00.000Z',
  daysLeft,
  chainValid: true,
  ...extra,
});
const base = { domain: 'a.com', checkedAt: '2026-12-07T00:00:00.000Z', httpStatus: 200, renewal: 'timer' as const };

describe('watch verdicts', () => {
  it('all well: a valid certificate with days to spare, an answering site, a renewal timer', () => {
    expect(verdictReasons({ ...base, certificate: cert(40) })).toEqual([]);
    expect(verdictReasons({ ...base, certificate: cert(WARN_DAYS) })).toEqual([]);
  });

  it('nothing assumes 90 days: a 45-day certificate (2028) warns only once its renewal window has passed', () => {
    const short = (daysLeft: number) => cert(daysLeft, { validFrom: '2028-03-01T00:00:00.000Z', validTo: '2028-04-15T00:00:00.000Z' });
    expect(warnDaysFor(short(0))).toBe(13);
    expect(warnDaysFor(cert(0, { validFrom: '2027-03-01T00:00:00.000Z', validTo: '2027-05-04T00:00:00.000Z' }))).toBe(19); // 64 days (2027)
    expect(warnDaysFor(cert(0, { validFrom: '2026-10-01T00:00:00.000Z', validTo: '2026-12-30T00:00:00.000Z' }))).toBe(WARN_DAYS); // 90 days
    expect(verdictReasons({ ...base, certificate: short(16) })).toEqual([]); // renewal is due at about 15 left
    expect(verdictReasons({ ...base, certificate: short(12) })[0]).toMatchObject({ key: 'server:watch.expiresSoon', values: { days: 12 } });
  });

  it('warns when fewer than 20 days are left, or the certificate expired', () => {
    expect(verdictReasons({ ...base, certificate: cert(19) })).toEqual([{ key: 'server:watch.expiresSoon', values: { days: 19, validTo: '2027-01-01' } }]);
    expect(verdictReasons({ ...base, certificate: cert(-2) })).toEqual([{ key: 'server:watch.expired', values: { validTo: '2027-01-01' } }]);
  });

  it('warns when a renewal failed, nothing renews, or the site does not answer', () => {
    expect(verdictReasons({ ...base, certificate: cert(60), renewal: 'failed' })).toEqual([{ key: 'server:watch.renewalFailed' }]);
    expect(verdictReasons({ ...base, certificate: cert(60), renewal: 'noTimer' })).toEqual([{ key: 'server:watch.noRenewalTimer' }]);
    expect(verdictReasons({ ...base, certificate: cert(60), httpStatus: 0 })).toEqual([{ key: 'server:watch.siteDown', values: { domain: 'a.com' } }]);
    expect(verdictReasons({ ...base, certificate: cert(60), httpStatus: 502 })).toEqual([{ key: 'server:watch.siteError', values: { domain: 'a.com', status: 502 } }]);
    expect(verdictReasons({ ...base, certificate: cert(60), renewal: 'unknown' })).toEqual([]); // no key in the vault: not a warning by itself
  });

  it('warns when the handshake fails or the certificate does not verify for the name', () => {
    expect(verdictReasons({ ...base, tlsError: 'ECONNREFUSED', httpStatus: 0 })).toEqual([
      { key: 'server:watch.noTls', values: { domain: 'a.com', code: 'ECONNREFUSED' } },
      { key: 'server:watch.siteDown', values: { domain: 'a.com' } },
    ]);
    expect(verdictReasons({ ...base, certificate: cert(60, { names: ['b.com'], chainValid: false, chainError: 'ERR_TLS_CERT_ALTNAME_INVALID' }) })[0]).toMatchObject({ key: 'server:watch.invalid' });
  });

  it('watches only a setup whose HTTPS step ran for real', () => {
    const setup = freshSetupState();
    expect(watchedDomain(setup)).toBeUndefined();
    expect(watchedDomain({ ...setup, choices: { domain: 'a.com', https: { includeWww: false, mode: 'dry-run' } } })).toBeUndefined();
    expect(watchedDomain({ ...setup, choices: { domain: 'a.com', https: { includeWww: false, mode: 'production' } } })).toBe('a.com');
    expect(watchedDomain({ ...setup, completed: ['https'], choices: { domain: '한글도메인.kr' } })).toBe('xn--bj0bj3i97fq8o5lq.kr');
  });
});

describe('the watch service', () => {
  it('runs one check at a time and reports start and end through the event', async () => {
    const events: boolean[] = [];
    let reads = 0;
    const watch = createSiteWatch({
      setup: { get: () => (reads++, Promise.resolve(freshSetupState())) },
      ssh: { exec: () => Promise.reject(new Error('no ssh')), writeFile: () => Promise.reject(new Error('no')), runInTerminal: () => Promise.reject(new Error('no')) },
      knownHosts: { lookup: () => Promise.resolve({ pinned: [], revoked: [] }) },
      changed: (state) => events.push(state.running),
    });
    const [a, b] = await Promise.all([watch.recheck(), watch.recheck()]);
    expect(a).toEqual({ report: null, running: false });
    expect(b).toBe(a);
    expect(reads).toBe(1);
    expect(events).toEqual([true, false]);
    expect(watch.state()).toEqual({ report: null, running: false });
    watch.dispose();
  });
});
