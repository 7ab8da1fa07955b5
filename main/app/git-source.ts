/**
 * "A git repository": a public HTTPS URL, or a private one over SSH with a
 * deploy key Onramp generates into the vault. The URL and branch are checked
 * here (they reach a remote command line, quoted as well), and the page is
 * told exactly where the public half goes on GitHub or GitLab.
 */
import { shellQuote } from '../server/shell-quote';

export type GitUrl =
  | { kind: 'https'; url: string; host: string; path: string }
  | { kind: 'ssh'; url: string; host: string; path: string };

const HOST = /^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)+$/;
const REPO_PATH = /^[A-Za-z0-9_.-]{1,100}(\/[A-Za-z0-9_.-]{1,100}){1,4}?(\.git)?$/;
/** git check-ref-format, the part that matters here: no spaces, `..`, control characters, or a leading `-`. */
const BRANCH = /^(?!-)(?!.*\.\.)(?!.*\/\/)(?!.*@\{)[A-Za-z0-9._/-]{1,200}(?<![./])$/;

function repoPathOk(repoPath: string): boolean {
  return REPO_PATH.test(repoPath) && !repoPath.split('/').some((segment) => /^\.+$/.test(segment) || segment.startsWith('-'));
}

/** Parses what the user pasted: `https://github.com/o/r(.git)`, `git@github.com:o/r.git` or `ssh://git@host/o/r.git`. */
export function parseGitUrl(input: string): GitUrl | undefined {
  const text = input.trim();
  if (text.length > 400) return undefined;
  const https = /^https:\/\/([^/@:]+)\/(.+?)\/?$/.exec(text);
  if (https) {
    const [, host = '', repoPath = ''] = https;
    return HOST.test(host.toLowerCase()) && repoPathOk(repoPath) ? { kind: 'https', url: text, host: host.toLowerCase(), path: repoPath } : undefined;
  }
  // scp-like `git@host:path`, or `ssh://git@host[:port]/path` (a self-hosted server on its own port).
  const scp = /^git@([^:/]+):(.+)$/.exec(text) ?? /^ssh:\/\/git@([^/:]+)(?::(?:[1-9]\d{0,4}))?\/(.+)$/.exec(text);
  if (scp) {
    const [, host = '', repoPath = ''] = scp;
    return HOST.test(host.toLowerCase()) && repoPathOk(repoPath) ? { kind: 'ssh', url: text, host: host.toLowerCase(), path: repoPath } : undefined;
  }
  return undefined;
}

export function isBranchName(branch: string): boolean {
  return BRANCH.test(branch) && !branch.endsWith('.lock');
}

/** Where the deploy key's public half goes, for the page (translated by code `app:deployKey.<where>`). */
export function deployKeyPlace(url: GitUrl): { where: 'github' | 'gitlab' | 'other'; settingsUrl?: string } {
  const repo = url.path.replace(/\.git$/, '');
  if (url.host === 'github.com') return { where: 'github', settingsUrl: `https://github.com/${repo}/settings/keys/new` };
  if (url.host === 'gitlab.com') return { where: 'gitlab', settingsUrl: `https://gitlab.com/${repo}/-/settings/repository#js-deploy-keys-settings` };
  return { where: 'other' };
}

/** The deploy key's path on the server (readable by the app's user only). */
export function deployKeyPath(unit: string): string {
  return `/etc/onramp/${unit}.deploy-key`;
}

/** The host keys the app's user learned for its repository's host (written by ssh, so owned by that user). */
export function knownHostsPath(unit: string): string {
  return `/etc/onramp/${unit}.known_hosts`;
}

/**
 * `GIT_SSH_COMMAND` for a private repository: only the deploy key, and the
 * host key learned on first use into the app's own known_hosts (the user
 * confirmed the repository; GitHub's and GitLab's keys are also published).
 */
function sshEnv(url: GitUrl, unit: string): string {
  if (url.kind !== 'ssh') return '';
  const known = knownHostsPath(unit);
  return `GIT_SSH_COMMAND=${shellQuote(`ssh -i ${deployKeyPath(unit)} -o IdentitiesOnly=yes -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=${known}`)} `;
}

/** "Test access": lists the branch on the server; exit 0 and a line means the server can fetch it. */
export function lsRemoteCommand(url: GitUrl, branch: string, unit: string): string {
  if (!isBranchName(branch)) throw new Error(`not a branch name: ${branch}`);
  return `${sshEnv(url, unit)}git ls-remote --heads ${shellQuote(url.url)} ${shellQuote(`refs/heads/${branch}`)}`;
}

/** The release's code: a shallow clone of the branch into the new release folder. */
export function cloneCommand(url: GitUrl, branch: string, unit: string, target: string): string {
  if (!isBranchName(branch)) throw new Error(`not a branch name: ${branch}`);
  return `${sshEnv(url, unit)}git clone --depth 1 --branch ${shellQuote(branch)} -- ${shellQuote(url.url)} ${shellQuote(target)}`;
}
