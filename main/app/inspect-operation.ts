/**
 * `app.inspect`: where the code comes from → the editable plan, before
 * anything runs. A folder is read here (top-level names, the few small files
 * that tell, bounded) with what would be uploaded; a git repository is cloned
 * shallowly on the server as the app's user into a scratch folder and read
 * there; the starter is its own files. The versions the server's Ubuntu
 * archive offers for the plan's packages come with it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppSource } from '../../common/contract/schemas/deploy';
import { AppError } from '../../common/errors';
import { defineOperation } from '../setup/operation';
import { sshRemote, type RemoteShell } from '../server/remote';
import { shellQuote } from '../server/shell-quote';
import { stepServer } from '../server/step-server';
import type { AppStepDeps } from './app-deps';
import { appFacts } from './app-facts';
import { gitSourceOf, prepareGitAccess } from './code-source';
import { djangoHostNotes } from './django-hosts';
import { djangoStaticRoot, runtimeVersionNotes } from './project-facts';
import { parseEnvExample } from './env-file';
import { cloneCommand } from './git-source';
import { packagesOf, parseAptPolicy } from './packages';
import { detectRuntime, djangoProject, MAX_MANIFEST_BYTES, type ProjectFiles } from './runtime-plan';
import { starterFiles } from './starter';
import { selectUpload } from './upload-selection';

/** The files detection reads (top level), and Django's settings beside manage.py. */
const TELLING = ['package.json', 'requirements.txt', 'pyproject.toml', 'manage.py', '.python-version', '.env.example', '.env.sample'];

async function localFiles(root: string): Promise<ProjectFiles & { texts: Map<string, string> }> {
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => {
    throw new AppError('app.folderUnreadable', 'The folder cannot be read.', { path: root });
  });
  const names = new Set(entries.slice(0, 10_000).map((e) => (e.isDirectory() ? `${e.name}/` : e.name)));
  const texts = new Map<string, string>();
  const readOne = async (name: string) => {
    const file = path.join(root, name);
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat?.isFile() && stat.size <= MAX_MANIFEST_BYTES) texts.set(name, await fs.readFile(file, 'utf8'));
  };
  for (const name of TELLING) if (names.has(name)) await readOne(name);
  const project = djangoProject({ names, read: (n) => texts.get(n) });
  if (project) await readOne(`${project}/settings.py`);
  return { names, read: (n) => texts.get(n), texts };
}

async function remoteFiles(remote: RemoteShell, dir: string): Promise<ProjectFiles & { texts: Map<string, string> }> {
  const list = await remote.exec(`sudo ls -1Ap ${shellQuote(dir)} | head -n 10000`, { timeoutMs: 30_000, maxOutputBytes: 1024 * 1024 });
  const names = new Set(list.stdout.split('\n').map((l) => l.trim()).filter(Boolean));
  const texts = new Map<string, string>();
  const readOne = async (name: string) => {
    const out = await remote.exec(`sudo head -c ${MAX_MANIFEST_BYTES} ${shellQuote(`${dir}/${name}`)}`, { timeoutMs: 30_000, maxOutputBytes: MAX_MANIFEST_BYTES + 1024 });
    if (out.code === 0) texts.set(name, out.stdout);
  };
  for (const name of TELLING) if (names.has(name)) await readOne(name);
  const project = djangoProject({ names, read: (n) => texts.get(n) });
  if (project) await readOne(`${project}/settings.py`);
  return { names, read: (n) => texts.get(n), texts };
}

async function runtimeVersions(remote: RemoteShell, packages: string[]) {
  if (packages.length === 0) return [];
  const out = await remote.exec(`apt-cache policy ${packages.join(' ')} 2>/dev/null`, { timeoutMs: 60_000, maxOutputBytes: 256 * 1024 }).catch(() => undefined);
  return out ? parseAptPolicy(out.stdout).slice(0, 16) : [];
}

export function inspectOperation(deps: AppStepDeps) {
  return defineOperation({
    kind: 'app.inspect',
    step: 'app',
    async run(input, context) {
      const setup = await deps.setup.get();
      const facts = appFacts(setup);
      const domain = facts.domain ?? 'example.com';
      const remote = sshRemote(deps.ssh, stepServer(setup).target);
      const source: AppSource = input.source;
      let files: ProjectFiles & { texts?: Map<string, string> };
      let upload: { files: number; bytes: number; skipped: number } | undefined;
      context.progress({ phase: 'app:phases.inspect', fraction: null });
      if (source.kind === 'starter') {
        const map = new Map(starterFiles(source.runtime, domain).map((f) => [f.path, f.content]));
        files = { names: new Set(map.keys()), read: (n) => map.get(n) };
      } else if (source.kind === 'folder') {
        const selection = await selectUpload(source.path);
        if (!selection.ok) throw new AppError(selection.reason === 'tooLarge' ? 'app.uploadTooLarge' : 'app.uploadTooMany', 'The folder is over the upload cap.', { files: selection.files, megabytes: Math.round(selection.totalBytes / 1024 ** 2) });
        upload = { files: selection.files.length, bytes: selection.totalBytes, skipped: selection.skipped };
        files = await localFiles(source.path);
      } else {
        const url = gitSourceOf(source);
        await prepareGitAccess(deps, remote, facts, url, context);
        const scratch = `${facts.baseDir}/inspect`;
        const clone = await remote.exec(`sudo rm -rf ${shellQuote(scratch)} && sudo -u ${facts.unit} -H ${cloneCommand(url, source.branch, facts.unit, scratch)}`, { timeoutMs: 300_000, maxOutputBytes: 256 * 1024 });
        if (clone.code !== 0) throw new AppError('app.fetchFailed', 'Could not clone the repository.', { exitCode: clone.code ?? 255 });
        try {
          files = await remoteFiles(remote, scratch);
        } finally {
          // Only read here: the scratch clone does not stay on the server.
          await remote.exec(`sudo rm -rf ${shellQuote(scratch)}`, { timeoutMs: 60_000, maxOutputBytes: 4096 });
        }
      }
      const plan = detectRuntime(files);
      if (plan.django) {
        const project = djangoProject(files);
        const settings = project ? files.read(`${project}/settings.py`) : undefined;
        if (settings) plan.notes.push(...djangoHostNotes(settings, domain, true));
        const staticRoot = settings ? djangoStaticRoot(settings) : undefined;
        if (staticRoot) plan.staticRoot = staticRoot;
        else plan.notes.push({ code: 'djangoStaticRoot' });
      }
      const example = files.read('.env.example') ?? files.read('.env.sample');
      const envExample = example ? parseEnvExample(example).map((e) => ({ name: e.name, secret: e.secret, ...(e.example && !e.secret ? { example: e.example } : {}) })) : [];
      const versions = await runtimeVersions(remote, packagesOf(plan, source));
      plan.notes.push(...runtimeVersionNotes(plan.notes, versions));
      return { plan, envExample, runtimeVersions: versions, ...(upload ? { upload } : {}) };
    },
  });
}
