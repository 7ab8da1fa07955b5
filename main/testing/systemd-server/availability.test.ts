import { afterEach, describe, expect, it, vi } from 'vitest';
import { skipWithoutSystemdServers, whyNoSystemdServers } from './availability';

describe('where Ubuntu machines cannot boot', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('skips with the reason printed on a clone without root', () => {
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubEnv('ONRAMP_SYSTEMD_SERVERS', '');
    expect(whyNoSystemdServers()).toMatch(/needs root/);
    expect(skipWithoutSystemdServers('the Ubuntu tests')).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^skipped the Ubuntu tests: .*needs root/));
  });

  it('does not skip on CI, where the machines are required: the tests then fail with the reason', () => {
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    vi.stubEnv('ONRAMP_SYSTEMD_SERVERS', 'required');
    expect(skipWithoutSystemdServers('the Ubuntu tests')).toBe(false);
  });
});
