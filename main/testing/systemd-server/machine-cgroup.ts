/**
 * Each machine gets its own cgroup. systemd-nspawn (with --keep-unit, no
 * systemd on this host) runs the machine in the cgroup it was started in, and
 * the machine's systemd builds its tree (payload/, supervisor/, init.scope …)
 * there: two machines in the same cgroup fight over that tree, and units fail
 * at random with status=219/CGROUP (seen here with four machines at once).
 * So the launcher moves itself into `onramp-machines/<name>` in every
 * cgroup hierarchy mounted here (hybrid: unified + name=systemd; or a pure
 * cgroup2 root) before it execs nspawn, and the cgroups are removed after.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const HIERARCHIES = ['/sys/fs/cgroup/unified', '/sys/fs/cgroup/systemd', '/sys/fs/cgroup'].filter((root) => existsSync(`${root}/cgroup.procs`));

/** `sh -c` arguments that move the shell into the machine's cgroups, then exec the command given after them. */
export function inOwnCgroup(name: string, command: string, args: readonly string[]): string[] {
  const script = [
    'cg=$1; shift',
    `for root in ${HIERARCHIES.join(' ')}; do`,
    '  mkdir -p "$root/onramp-machines/$cg" && echo $$ > "$root/onramp-machines/$cg/cgroup.procs" || exit 1',
    'done',
    'exec "$@"',
  ].join('\n');
  return ['-c', script, 'launch', name, command, ...args];
}

/** Removes what the machine left of its cgroup tree (deepest first); a cgroup still in use stays. */
export function removeCgroups(name: string): void {
  for (const root of HIERARCHIES) {
    const dir = `${root}/onramp-machines/${name}`;
    if (existsSync(dir)) spawnSync('find', [dir, '-depth', '-type', 'd', '-exec', 'rmdir', '{}', ';'], { stdio: 'ignore' });
  }
}
