/**
 * Whether Ubuntu machines can boot here, and what a test does when not.
 * On CI (`.ci/run` exports ONRAMP_SYSTEMD_SERVERS=required after building the
 * root filesystems) a missing piece FAILS the tests that need a machine.
 * Elsewhere (a user's clone, no root) those tests are skipped with the reason printed.
 */
import { existsSync } from 'node:fs';

const TOOLS = ['/usr/bin/systemd-nspawn', '/usr/sbin/debootstrap', '/usr/bin/socat', '/usr/bin/zstd', '/usr/bin/gpgv', '/usr/bin/ssh-keygen'];

export const systemdServersRequired = (): boolean => process.env['ONRAMP_SYSTEMD_SERVERS'] === 'required';

/** undefined when machines can boot here, else why not. */
export function whyNoSystemdServers(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (network namespaces, systemd-nspawn, debootstrap)';
  const missing = TOOLS.filter((tool) => !existsSync(tool));
  if (!existsSync('/usr/sbin/ip') && !existsSync('/usr/bin/ip')) missing.push('ip');
  if (missing.length > 0) {
    return `missing ${missing.join(', ')} (apt-get install --no-install-recommends debootstrap systemd-container socat gpgv zstd iproute2 openssh-client)`;
  }
  if (!existsSync('/etc/apt/sources.list.d/debian.sources')) return 'no /etc/apt/sources.list.d/debian.sources to find the mirror in';
  return undefined;
}

/**
 * For `describe.skipIf(skipWithoutSystemdServers(name))`: true (and the reason
 * printed) only where machines are unavailable AND not required.
 */
export function skipWithoutSystemdServers(what: string): boolean {
  const reason = whyNoSystemdServers();
  if (reason === undefined || systemdServersRequired()) return false;
  console.warn(`skipped ${what}: no Ubuntu systemd machines here: ${reason}`);
  return true;
}
