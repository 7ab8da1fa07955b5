/**
 * Day-one care for a small server: swap where memory is 2 GiB or less (a 1 GiB
 * t3.micro runs out during `npm ci` or `pip install`), security updates on
 * (unattended-upgrades, Ubuntu's default, verified rather than assumed), a
 * "restart required" flag, and the time zone. Reads are parsed here; the
 * commands are idempotent, so running the step again changes nothing.
 */
import { shellQuote } from '../server/shell-quote';

const GIB = 1024 ** 3;
export const SWAP_FILE = '/swapfile';
export const SWAPPINESS = 10;

export interface MemoryFacts {
  memTotalBytes: number;
  swapTotalBytes: number;
}

/** `/proc/meminfo` → totals (kB lines). Unknown lines are ignored; missing totals read as 0. */
export function parseMeminfo(text: string): MemoryFacts {
  const kb = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d{1,15}) kB`, 'm').exec(text.slice(0, 64 * 1024));
    return match?.[1] ? Number(match[1]) * 1024 : 0;
  };
  return { memTotalBytes: kb('MemTotal'), swapTotalBytes: kb('SwapTotal') };
}

/** Swap to add in bytes, or 0: only on ≤ 2 GiB servers with no swap yet, 2 GiB below 1.5 GiB of memory, else 1 GiB, and only with room to spare. */
export function swapToAdd(memory: MemoryFacts, freeDiskBytes: number): number {
  if (memory.memTotalBytes === 0 || memory.memTotalBytes > 2 * GIB + 64 * 1024 ** 2) return 0;
  if (memory.swapTotalBytes > 0) return 0;
  const size = memory.memTotalBytes < 1.5 * GIB ? 2 * GIB : GIB;
  return freeDiskBytes >= size + 2 * GIB ? size : 0;
}

/** Makes, enables and persists the swap file; skips each part that is already there. */
export function swapCommand(bytes: number): string {
  const mib = Math.round(bytes / 1024 ** 2);
  if (!Number.isInteger(mib) || mib < 256 || mib > 4096) throw new Error(`swap size ${mib} MiB is out of range`);
  return [
    `test -f ${SWAP_FILE} || { fallocate -l ${mib}M ${SWAP_FILE} || dd if=/dev/zero of=${SWAP_FILE} bs=1M count=${mib}; }`,
    `chmod 600 ${SWAP_FILE}`,
    `{ swapon --show=NAME --noheadings | grep -qx ${SWAP_FILE} || { mkswap ${SWAP_FILE} >/dev/null && swapon ${SWAP_FILE}; }; }`,
    `{ grep -q '^${SWAP_FILE} ' /etc/fstab || echo '${SWAP_FILE} none swap sw 0 0' >> /etc/fstab; }`,
    `echo 'vm.swappiness=${SWAPPINESS}' > /etc/sysctl.d/60-onramp-swap.conf`,
    `sysctl -q -w vm.swappiness=${SWAPPINESS}`,
  ].join(' && ');
}

/** Exit 0 when security updates are installed automatically (the package, and APT::Periodic::Unattended-Upgrade "1"). */
export const UNATTENDED_CHECK = `dpkg-query -W -f='\${Status}' unattended-upgrades 2>/dev/null | grep -q 'install ok installed' && apt-config dump APT::Periodic::Unattended-Upgrade | grep -q '"1"'`;

/** Installs and turns on unattended-upgrades the way `dpkg-reconfigure` would, without a prompt. */
export const UNATTENDED_ENABLE = [
  'DEBIAN_FRONTEND=noninteractive apt-get install -y unattended-upgrades',
  `printf 'APT::Periodic::Update-Package-Lists "1";\\nAPT::Periodic::Unattended-Upgrade "1";\\n' > /etc/apt/apt.conf.d/20auto-upgrades`,
].join(' && ');

/** Exit 0 when the server asks for a restart (a new kernel or libc from the updates). */
export const REBOOT_REQUIRED_CHECK = 'test -f /var/run/reboot-required';

const ZONE = /^(UTC|[A-Z][A-Za-z_]{1,30}(\/[A-Z][A-Za-z_+-]{0,30}){1,2})$/;

export function isTimeZone(zone: string): boolean {
  return ZONE.test(zone);
}

/**
 * The server's zone: systemd's word first (timedatectl), then where /etc/localtime points. Not
 * /etc/timezone first: `timedatectl set-timezone` moves only the link and leaves that file behind
 * (found on Ubuntu 24.04).
 */
export const TIME_ZONE_READ = `{ timedatectl show -p Timezone --value 2>/dev/null || readlink /etc/localtime 2>/dev/null | sed 's|^.*/zoneinfo/||' || cat /etc/timezone 2>/dev/null; }`;

/** Sets the zone when it differs (timedatectl under systemd, else the /etc/localtime link), and /etc/timezone where it exists. */
export function timeZoneCommand(zone: string): string {
  if (!isTimeZone(zone)) throw new Error(`not a time zone: ${zone}`);
  const quoted = shellQuote(zone);
  return `test -f /usr/share/zoneinfo/${quoted} && { [ "$(${TIME_ZONE_READ})" = ${quoted} ] || timedatectl set-timezone ${quoted} 2>/dev/null || ln -sfn /usr/share/zoneinfo/${quoted} /etc/localtime; } && { ! test -f /etc/timezone || echo ${quoted} > /etc/timezone; }`;
}
