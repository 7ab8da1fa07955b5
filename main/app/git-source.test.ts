import { describe, expect, it } from 'vitest';
import { cloneCommand, deployKeyPlace, isBranchName, lsRemoteCommand, parseGitUrl } from './git-source';

describe('parseGitUrl', () => {
  it('takes HTTPS, scp-like and ssh:// URLs', () => {
    expect(parseGitUrl('https://github.com/alice/shop.git')).toMatchObject({ kind: 'https', host: 'github.com', path: 'alice/shop.git' });
    expect(parseGitUrl(' git@gitlab.com:team/sub/app.git ')).toMatchObject({ kind: 'ssh', host: 'gitlab.com', path: 'team/sub/app.git' });
    expect(parseGitUrl('ssh://git@git.example.kr/o/r.git')).toMatchObject({ kind: 'ssh', host: 'git.example.kr' });
    // a self-hosted server (Gitea, GitLab CE) on its own SSH port
    expect(parseGitUrl('ssh://git@git.example.kr:2222/o/r.git')).toMatchObject({ kind: 'ssh', host: 'git.example.kr', path: 'o/r.git', url: 'ssh://git@git.example.kr:2222/o/r.git' });
  });

  it('refuses what could carry an option, a credential or a command', () => {
    for (const bad of ['http://github.com/a/b', 'https://user:pw@github.com/a/b', '--upload-pack=touch /tmp/x', 'git@github.com:../../etc', 'https://github.com/a/b;rm', 'file:///etc']) {
      expect(parseGitUrl(bad), bad).toBeUndefined();
    }
  });
});

describe('branches and commands', () => {
  it('accepts real branch names and refuses the rest', () => {
    expect(['main', 'release/2026.12', 'feature_x-1'].every(isBranchName)).toBe(true);
    expect(['-x', 'a..b', 'a b', 'a/', 'x.lock', 'a@{1}', ''].some(isBranchName)).toBe(false);
  });

  it('a public repository is tested and cloned over HTTPS without any key', () => {
    const url = parseGitUrl('https://github.com/alice/shop')!;
    expect(lsRemoteCommand(url, 'main', 'onramp-shop')).toBe('git ls-remote --heads https://github.com/alice/shop refs/heads/main');
    expect(cloneCommand(url, 'main', 'onramp-shop', '/srv/shop/releases/20261207T110203Z')).toBe(
      'git clone --depth 1 --branch main -- https://github.com/alice/shop /srv/shop/releases/20261207T110203Z',
    );
  });

  it('a private repository uses only its deploy key', () => {
    const url = parseGitUrl('git@github.com:alice/shop.git')!;
    expect(lsRemoteCommand(url, 'main', 'onramp-shop')).toContain("GIT_SSH_COMMAND='ssh -i /etc/onramp/onramp-shop.deploy-key -o IdentitiesOnly=yes");
  });

  it('names the exact settings page for the deploy key', () => {
    expect(deployKeyPlace(parseGitUrl('git@github.com:alice/shop.git')!)).toEqual({ where: 'github', settingsUrl: 'https://github.com/alice/shop/settings/keys/new' });
    expect(deployKeyPlace(parseGitUrl('git@gitlab.com:team/app.git')!).where).toBe('gitlab');
    expect(deployKeyPlace(parseGitUrl('git@git.example.kr:o/r.git')!)).toEqual({ where: 'other' });
  });
});
