/**
 * The Ubuntu root filesystems the systemd-server fixture boots, built once by
 * build-rootfs.sh into `<repo>/.cache/systemd-server/ubuntu-<release>-<stamp>.tar.zst`
 * (or $ONRAMP_SYSTEMD_SERVER_CACHE) and unpacked once next to it. The stamp is
 * a hash of build-rootfs.sh, so a changed recipe builds a new cache.
 * Machines boot the unpacked tree with `--volatile=overlay`, which never
 * writes to it, so several machines of one release share it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { run } from '../child-process';
import { systemdServersRequired } from './availability';
import { takeDirLock } from './dir-lock';

export type UbuntuRelease = '24.04' | '26.04';
export const UBUNTU_RELEASES: readonly UbuntuRelease[] = ['24.04', '26.04'];

export const BUILD_SCRIPT = path.join(__dirname, 'build-rootfs.sh');
const REPO_ROOT = path.resolve(__dirname, '../../..');

export function cacheDir(): string {
  return process.env['ONRAMP_SYSTEMD_SERVER_CACHE'] ?? path.join(REPO_ROOT, '.cache/systemd-server');
}

function stamp(): string {
  return createHash('sha256').update(readFileSync(BUILD_SCRIPT)).digest('hex').slice(0, 12);
}

export function tarballPath(release: UbuntuRelease): string {
  return path.join(cacheDir(), `ubuntu-${release}-${stamp()}.tar.zst`);
}

export function rootfsPath(release: UbuntuRelease): string {
  return path.join(cacheDir(), `ubuntu-${release}-${stamp()}.rootfs`);
}

export function rootfsReady(release: UbuntuRelease): boolean {
  return existsSync(path.join(rootfsPath(release), 'etc/os-release'));
}

/**
 * The unpacked root filesystem of `release`, building the tarball first when
 * the cache has none (about a minute; as root, from the configured mirror).
 */
export async function ensureRootfs(release: UbuntuRelease, options: { showBuild?: boolean } = {}): Promise<string> {
  const rootfs = rootfsPath(release);
  if (rootfsReady(release)) return rootfs;
  await fs.mkdir(cacheDir(), { recursive: true });
  const unlock = await takeDirLock(path.join(cacheDir(), `ubuntu-${release}.lock`), 15 * 60_000);
  try {
    if (rootfsReady(release)) return rootfs; // another process built it meanwhile
    const tarball = tarballPath(release);
    await removeKilledBuilds(release);
    if (!existsSync(tarball)) {
      if (systemdServersRequired()) throw new Error(`no Ubuntu ${release} root filesystem at ${tarball}: .ci/systemd-servers.sh did not build it (see its output above)`);
      const built = await run(BUILD_SCRIPT, [release, tarball], options.showBuild ? { stdio: ['ignore', 'inherit', 'inherit'] } : {});
      if (built.code !== 0) throw new Error(`building the Ubuntu ${release} root filesystem failed:\n${built.stdout}${built.stderr}`);
    }
    const partial = `${rootfs}.partial`;
    await removeTree(partial);
    await fs.mkdir(partial);
    const unpacked = await run('sh', ['-c', 'zstd -dc "$1" | tar -C "$2" --numeric-owner --xattrs -xf -', 'unpack', tarball, partial]);
    if (unpacked.code !== 0) throw new Error(`unpacking ${tarball} failed: ${unpacked.stderr}`);
    await fs.rename(partial, rootfs);
    return rootfs;
  } finally {
    await unlock();
  }
}

/** Removes caches of earlier recipes (another stamp) for `release`. */
export async function removeStaleCaches(release: UbuntuRelease): Promise<string[]> {
  const current = [path.basename(tarballPath(release)), path.basename(rootfsPath(release))];
  const stale = (await fs.readdir(cacheDir()).catch(() => [])).filter(
    (name) => name.startsWith(`ubuntu-${release}-`) && !current.includes(name) && !name.endsWith('.partial'),
  );
  for (const name of stale) await removeTree(path.join(cacheDir(), name));
  return stale;
}

/** A build killed hard (no EXIT trap) leaves its work dir, maybe with debootstrap's /proc and /sys still mounted in it. */
async function removeKilledBuilds(release: UbuntuRelease): Promise<void> {
  const leftovers = (await fs.readdir(cacheDir())).filter((name) => name.startsWith(`build-${release}.`));
  for (const name of leftovers) {
    const dir = path.join(cacheDir(), name);
    await run('sh', ['-c', 'grep -o " $1/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done', 'unmount', dir]);
    await removeTree(dir);
  }
}

/** rm -rf that never crosses into another file system (a stray mount inside stays untouched). */
async function removeTree(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const removed = await run('rm', ['-rf', '--one-file-system', dir]);
  if (removed.code !== 0) throw new Error(`could not remove ${dir}: ${removed.stderr}`);
}
