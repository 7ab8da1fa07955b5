import { describe, expect, it } from 'vitest';
import { isTimeZone, parseMeminfo, swapCommand, swapToAdd, timeZoneCommand } from './server-care';

const GIB = 1024 ** 3;

describe('server care', () => {
  it('reads /proc/meminfo', () => {
    expect(parseMeminfo('MemTotal:        972800 kB\nMemFree: 1 kB\nSwapTotal:             0 kB\n')).toEqual({ memTotalBytes: 972800 * 1024, swapTotalBytes: 0 });
  });

  it('adds 2 GiB of swap to a 1 GiB server, 1 GiB to a 2 GiB one, none when there is swap, room is short or memory is larger', () => {
    const disk = 20 * GIB;
    expect(swapToAdd({ memTotalBytes: 0.95 * GIB, swapTotalBytes: 0 }, disk)).toBe(2 * GIB);
    expect(swapToAdd({ memTotalBytes: 1.9 * GIB, swapTotalBytes: 0 }, disk)).toBe(GIB);
    expect(swapToAdd({ memTotalBytes: 0.95 * GIB, swapTotalBytes: GIB }, disk)).toBe(0);
    expect(swapToAdd({ memTotalBytes: 0.95 * GIB, swapTotalBytes: 0 }, 3 * GIB)).toBe(0);
    expect(swapToAdd({ memTotalBytes: 4 * GIB, swapTotalBytes: 0 }, disk)).toBe(0);
  });

  it('makes the swap file idempotently, with low swappiness, persisted in fstab', () => {
    const command = swapCommand(2 * GIB);
    expect(command).toContain('fallocate -l 2048M /swapfile');
    expect(command).toContain("grep -q '^/swapfile ' /etc/fstab || echo '/swapfile none swap sw 0 0' >> /etc/fstab");
    expect(command).toContain('vm.swappiness=10');
    expect(() => swapCommand(64 * GIB)).toThrow();
  });

  it('accepts real zones and refuses anything else', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('../../etc/passwd')).toBe(false);
    expect(timeZoneCommand('Asia/Seoul')).toContain('timedatectl set-timezone Asia/Seoul');
    // /etc/timezone is kept in step where it exists (timedatectl moves only the link)
    expect(timeZoneCommand('Asia/Seoul')).toMatch(/! test -f \/etc\/timezone \|\| echo Asia\/Seoul > \/etc\/timezone; \}$/);
  });
});
