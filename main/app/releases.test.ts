import { describe, expect, it } from 'vitest';
import { nextReleaseStamp, parseReleaseList, previousRelease, pruneCommand, releaseDir, releaseStamp, releasesToPrune, switchCurrentCommand } from './releases';

const s = (n: number) => `2026120${n}T100000Z`;

describe('releases', () => {
  it('stamps sort by time and are safe in a path', () => {
    expect(releaseStamp(new Date('2026-12-07T11:02:03.456Z'))).toBe('20261207T110203Z');
    expect(releaseDir('/srv/app', '20261207T110203Z')).toBe('/srv/app/releases/20261207T110203Z');
    expect(() => releaseDir('/srv/app', '../../etc')).toThrow();
  });

  it('a new release never shares a folder with one on the server, nor sorts before it', () => {
    const at = new Date('2026-12-07T11:02:03.900Z');
    expect(nextReleaseStamp(at, [])).toBe('20261207T110203Z');
    expect(nextReleaseStamp(at, ['20261207T110202Z'])).toBe('20261207T110203Z');
    // a second deploy within the same second
    expect(nextReleaseStamp(at, ['20261207T110202Z', '20261207T110203Z'])).toBe('20261207T110204Z');
    // a clock set back: still after the newest, across a day and a year
    expect(nextReleaseStamp(at, ['20261231T235959Z'])).toBe('20270101T000000Z');
    expect(nextReleaseStamp(at, ['not-a-stamp'])).toBe('20261207T110203Z');
  });

  it('switches current atomically with a rename over the old link', () => {
    expect(switchCurrentCommand('/srv/app', s(7))).toBe(`ln -sfn releases/${s(7)} /srv/app/current.next && mv -Tf /srv/app/current.next /srv/app/current`);
  });

  it('keeps the newest three and never prunes the live release', () => {
    const all = [s(1), s(2), s(3), s(4), s(5)];
    expect(releasesToPrune(all, s(5))).toEqual([s(1), s(2)]);
    expect(releasesToPrune(all, s(1))).toEqual([s(2)]);
    expect(pruneCommand('/srv/app', [s(1)])).toBe(`rm -rf -- /srv/app/releases/${s(1)}`);
    expect(pruneCommand('/srv/app', [])).toBeUndefined();
  });

  it('rolls back to the newest release older than the live one', () => {
    expect(previousRelease([s(1), s(3), s(2)], s(3))).toBe(s(2));
    expect(previousRelease([s(1)], s(1))).toBeUndefined();
  });

  it('reads ls output, dropping anything that is not a release', () => {
    expect(parseReleaseList(`${s(1)}\ncurrent\n${s(2)}\n\n`)).toEqual([s(1), s(2)]);
  });
});
