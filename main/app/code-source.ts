/**
 * Where a release's code comes from, as remote steps: a shallow clone of the
 * branch (a private repository through the deploy key only), or files
 * uploaded into the staging folder (a folder on this computer over SFTP,
 * resumable; the starter's few files) and copied into the release by the
 * upload's own manifest, so a file left from an older upload never comes along.
 */
import path from 'node:path';
import type { AppSource } from '../../common/contract/schemas/deploy';
import { AppError, checkedAppError } from '../../common/errors';
import { throwIfCancelled, type RemoteShell } from '../server/remote';
import { runRemoteSteps, type RemoteStep, type StepRunContext } from '../server/remote-steps';
import { shellQuote } from '../server/shell-quote';
import type { SshTargetInput } from '../ssh';
import type { AppStepDeps } from './app-deps';
import { appUserStep } from './deploy-steps';
import { GIT_PACKAGES, installPackagesStep } from './packages';
import { cloneCommand, deployKeyPath, knownHostsPath, parseGitUrl, isBranchName, type GitUrl } from './git-source';
import { ensureStagingRoot, installFile, STAGING_ROOT } from './remote-files';
import { selectUpload } from './upload-selection';
import { starterFiles } from './starter';

export const MANIFEST = '.onramp-manifest';

export interface PlaceContext {
  remote: RemoteShell;
  target: SshTargetInput;
  unit: string;
  release: string;
  domain: string;
  signal: AbortSignal;
  progress(update: { phase: string; fraction?: number | null }): void;
}

export function gitSourceOf(source: { url: string; branch: string }): GitUrl {
  const url = parseGitUrl(source.url);
  if (!url) throw new AppError('app.badGitUrl', 'Not a git URL Onramp can use.');
  if (!isBranchName(source.branch)) throw new AppError('app.badBranch', 'Not a branch name.');
  return url;
}

/** The steps that fill the release folder (after the app's user exists). */
export async function placeCode(deps: Pick<AppStepDeps, 'ssh' | 'deployKeys'>, source: AppSource, context: PlaceContext, deployKeyItemId: string | undefined): Promise<RemoteStep[]> {
  const { unit, release } = context;
  if (source.kind === 'git') {
    const url = gitSourceOf(source);
    if (url.kind === 'ssh') await installDeployKey(deps, context.remote, context.unit, deployKeyItemId);
    return [
      {
        id: 'fetch',
        phase: 'app:phases.fetch',
        skipIf: `test -e ${shellQuote(`${release}/.git`)}`,
        command: `sudo -u ${unit} -H ${cloneCommand(url, source.branch, unit, release)}`,
        failure: 'app.fetchFailed',
        timeoutMs: 600_000,
      },
    ];
  }
  const staging = `${STAGING_ROOT}/${unit}`;
  let paths: string[];
  await context.remote.exec(`install -d -m 755 ${shellQuote(staging)}`, { timeoutMs: 30_000, maxOutputBytes: 4096 });
  if (source.kind === 'starter') {
    const files = starterFiles(source.runtime, context.domain);
    for (const file of files) await context.remote.upload(`${staging}/${file.path}`, file.content, 0o644);
    paths = files.map((f) => f.path);
  } else {
    const selection = await selectUpload(source.path);
    if (!selection.ok) throw checkedAppError(selection.reason === 'tooLarge' ? 'app.uploadTooLarge' : 'app.uploadTooMany', 'The folder is over the upload cap.', { files: selection.files, megabytes: Math.round(selection.totalBytes / 1024 ** 2) });
    const files = selection.files.filter((f) => !/[\n\r]/.test(f.path));
    try {
      await deps.ssh.uploadTree(context.target, { localRoot: path.resolve(source.path), files, remoteDir: staging }, {
        signal: context.signal,
        onProgress: (sent, total) => context.progress({ phase: 'app:phases.upload', fraction: total > 0 ? sent / total : 1 }),
      });
    } catch (error) {
      // Cancelled: what was sent stays in the staging folder, and the next deploy sends only the rest.
      throwIfCancelled(context.signal);
      throw error;
    }
    paths = files.map((f) => f.path);
  }
  await context.remote.upload(`${staging}/${MANIFEST}`, `${paths.join('\n')}\n`, 0o644);
  const copy = `sudo install -d -o ${unit} -g ${unit} ${shellQuote(release)} && sudo tar -C ${shellQuote(staging)} -cf - --verbatim-files-from -T ${shellQuote(`${staging}/${MANIFEST}`)} | sudo tar -C ${shellQuote(release)} --no-same-owner -xf - && sudo chown -R ${unit}:${unit} ${shellQuote(release)}`;
  return [{ id: 'copy', phase: 'app:phases.copy', command: copy, failure: 'app.fetchFailed', timeoutMs: 600_000 }];
}

/**
 * The deploy key where git, run as the app's user, reads it: `/etc/onramp` may be entered but not
 * listed by others (0711; the settings files in it stay root's, 0600), the key is the app user's
 * (0600), and so is its known_hosts, made empty first so ssh can add the repository host's key.
 */
export async function installDeployKey(deps: Pick<AppStepDeps, 'deployKeys'>, remote: RemoteShell, unit: string, itemId: string | undefined): Promise<void> {
  if (!itemId) throw new AppError('app.noDeployKey', 'A private repository needs the deploy key first.');
  await ensureStagingRoot(remote);
  const known = shellQuote(knownHostsPath(unit));
  const prepared = await remote.exec(`sudo install -d -m 711 /etc/onramp && sudo chmod 711 /etc/onramp && { sudo test -e ${known} || sudo install -m 600 -o ${unit} -g ${unit} /dev/null ${known}; }`, { timeoutMs: 30_000, maxOutputBytes: 16 * 1024 });
  if (prepared.code !== 0) throw checkedAppError('app.fileFailed', `Could not prepare ${knownHostsPath(unit)}`, { path: knownHostsPath(unit), exitCode: prepared.code ?? 255 });
  const privateKey = await deps.deployKeys.privateOf(itemId);
  await installFile(remote, deployKeyPath(unit), privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`, { mode: '600', owner: unit });
}

/**
 * Before the server reads a repository (Test access, inspect): git from the archive, the app's own
 * user (git runs as it), what the setup made recorded, and for SSH the deploy key where that user reads it.
 */
export async function prepareGitAccess(
  deps: Pick<AppStepDeps, 'deployKeys' | 'setup'>,
  remote: RemoteShell,
  app: { unit: string; baseDir: string },
  url: GitUrl,
  context: StepRunContext,
): Promise<void> {
  await runRemoteSteps(remote, [installPackagesStep(GIT_PACKAGES), appUserStep(app.unit, app.baseDir)], context);
  const setup = await deps.setup.update((state) => ({ ...state, resources: { ...state.resources, app: { unit: app.unit, baseDir: app.baseDir } } }));
  if (url.kind === 'ssh') await installDeployKey(deps, remote, app.unit, setup.resources.deployKeyItemId);
}
