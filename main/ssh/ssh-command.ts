/**
 * The `ssh` command line Onramp copies for the user's own terminal:
 * `ssh -i <key file> [-p <port>] <user>@<host>`, `-p` left out for port 22.
 *
 * An IPv6 literal goes after `@` WITHOUT brackets: OpenSSH 9.2 keeps brackets
 * in the host name (`ssh -G user@[::1]` prints `hostname [::1]`, and the
 * connect fails with "Could not resolve hostname [::1]"); the port always
 * travels in `-p`, never as `host:port`. Words are quoted for a POSIX shell
 * only when they need it.
 */
import type { SshTarget } from './ssh-target';

/** Quotes a word for a POSIX shell (sh, bash, zsh) only when it needs it. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./~-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `[2001:db8::1]` -> `2001:db8::1`; anything else unchanged. */
function bareHost(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function sshCommand(target: Pick<SshTarget, 'host' | 'port' | 'user'>, keyPath: string): string {
  const port = target.port === 22 ? '' : ` -p ${target.port}`;
  return `ssh -i ${shellWord(keyPath)}${port} ${shellWord(`${target.user}@${bareHost(target.host)}`)}`;
}
