/**
 * `tsx main/testing/systemd-server/prepare.ts`: builds (or finds cached) and
 * unpacks the Ubuntu 24.04 and 26.04 root filesystems, side by side, printing
 * what it did and how long it took. `.ci/systemd-servers.sh` runs it before the tests.
 */
import { statSync } from 'node:fs';
import { ensureRootfs, removeStaleCaches, rootfsReady, tarballPath, UBUNTU_RELEASES, type UbuntuRelease } from './rootfs-cache';
import { whyNoSystemdServers } from './availability';

async function prepare(release: UbuntuRelease): Promise<boolean> {
  const started = Date.now();
  try {
    for (const name of await removeStaleCaches(release)) console.log(`[${release}] removed the stale cache ${name}`);
    const cached = rootfsReady(release) ? 'unpacked cache' : statSync(tarballPath(release), { throwIfNoEntry: false }) ? 'cached tarball, unpacked' : 'built';
    const rootfs = await ensureRootfs(release, { showBuild: true });
    const megabytes = Math.round(statSync(tarballPath(release)).size / 1e6);
    console.log(`[${release}] ready (${cached}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${rootfs} (cache ${megabytes} MB)`);
    return true;
  } catch (error) {
    console.error(`[${release}] FAILED after ${((Date.now() - started) / 1000).toFixed(1)} s: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

async function main(): Promise<number> {
  const unavailable = whyNoSystemdServers();
  if (unavailable) {
    console.error(`Ubuntu systemd machines cannot be built here: ${unavailable}`);
    return 1;
  }
  const results = await Promise.all(UBUNTU_RELEASES.map(prepare));
  return results.every(Boolean) ? 0 : 1;
}

void main().then((code) => process.exit(code));
