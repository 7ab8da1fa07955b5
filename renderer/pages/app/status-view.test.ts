import { describe, expect, it } from 'vitest';
import { canRollback, defaultTimeZone, formatBytes, megabytes, timeZoneChoices } from './status-view';

describe('status view', () => {
  it('writes sizes as the server counts them', () => {
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
    expect(formatBytes(512 * 1024 ** 2)).toBe('512 MB');
    expect(formatBytes(0)).toBe('0 MB');
    expect(megabytes(3 * 1024 ** 2 + 1024 ** 2 / 2)).toBe('3.5');
  });

  it('offers a rollback only when a release older than the live one is kept', () => {
    expect(canRollback(undefined)).toBe(false);
    expect(canRollback({ releases: ['20260101T000000Z'] })).toBe(false);
    expect(canRollback({ live: '20260101T000000Z', releases: ['20260101T000000Z'] })).toBe(false);
    expect(canRollback({ live: '20260102T000000Z', releases: ['20260101T000000Z', '20260102T000000Z'] })).toBe(true);
    // Rolled back already: the live one is the oldest, the newer one is no rollback target.
    expect(canRollback({ live: '20260101T000000Z', releases: ['20260101T000000Z', '20260102T000000Z'] })).toBe(false);
  });

  it('offers the zones the contract accepts, UTC first, and preselects the saved or local one', () => {
    const choices = timeZoneChoices(['Africa/Abidjan', 'America/Argentina/Buenos_Aires', 'Asia/Seoul', 'UTC', 'Etc/GMT+5', 'bad zone']);
    expect(choices).toEqual(['UTC', 'Africa/Abidjan', 'America/Argentina/Buenos_Aires', 'Asia/Seoul', 'Etc/GMT+5']);
    expect(defaultTimeZone(undefined, 'Asia/Seoul', choices)).toBe('Asia/Seoul');
    expect(defaultTimeZone('Africa/Abidjan', 'Asia/Seoul', choices)).toBe('Africa/Abidjan');
    expect(defaultTimeZone(undefined, 'Mars/Olympus', choices)).toBe('UTC');
  });
});
