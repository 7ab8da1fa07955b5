/**
 * Runtime detection for the App step: from a project's top-level files (names,
 * and the few small files that tell) to an editable plan — static, Python
 * (WSGI with gunicorn, ASGI with uvicorn, Django extras) or Node — shown to the
 * user before anything runs. Pure and linear in the size of what it reads.
 */

/** What detection may look at: the top-level names and, bounded, a few files' text. */
export interface ProjectFiles {
  /** Top-level file and folder names of the project (folders end with `/`). */
  names: ReadonlySet<string>;
  /** The text of a top-level file, or undefined if absent; callers cap the size (MAX_MANIFEST_BYTES). */
  read(name: string): string | undefined;
}

export const MAX_MANIFEST_BYTES = 256 * 1024;

export type Runtime = 'static' | 'python' | 'node';
export type PythonServer = 'gunicorn' | 'uvicorn';

/** A note the page shows with the plan (translated by code under `app:plan.notes.*`). */
export type PlanNote =
  | { code: 'noProjectFound' }
  | { code: 'djangoAllowedHosts'; domain: string }
  | { code: 'djangoCsrfOrigins'; domain: string }
  | { code: 'nodeVersionWanted'; wanted: string }
  | { code: 'pythonVersionWanted'; wanted: string }
  | { code: 'noStartScript' }
  | { code: 'asgiDetected' }
  | { code: 'runtimeOlder'; runtime: 'Node.js' | 'Python'; wanted: string; available: string }
  | { code: 'djangoStaticRoot' };

export interface AppPlan {
  runtime: Runtime;
  /** Python only: the module:callable gunicorn or uvicorn serves (editable). */
  entry?: string;
  pythonServer?: PythonServer;
  django: boolean;
  /** Node only: `npm run build` exists. */
  hasBuild: boolean;
  /** Ubuntu archive packages the runtime needs (installed once with apt; their versions are shown). */
  packages: string[];
  /** Commands run in the release folder, in order, as the service user (shown and editable). */
  install: string[];
  build: string[];
  /** What systemd runs (ExecStart), with `$PORT` for the port. */
  start: string;
  notes: PlanNote[];
  /** Django: STATIC_ROOT, a folder inside the release that collectstatic fills; nginx serves it as `/static/`. */
  staticRoot?: string;
}

interface PackageJson {
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  engines?: Record<string, unknown>;
  main?: unknown;
}

function parsePackageJson(text: string | undefined): PackageJson | undefined {
  if (text === undefined || text.length > MAX_MANIFEST_BYTES) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

function nodePlan(pkg: PackageJson, hasLock: boolean): AppPlan {
  const scripts = pkg.scripts ?? {};
  const hasBuild = typeof scripts['build'] === 'string';
  const hasStart = typeof scripts['start'] === 'string';
  const hasDependencies = [pkg.dependencies, pkg.devDependencies].some((d) => d && typeof d === 'object' && Object.keys(d).length > 0);
  const notes: PlanNote[] = [];
  const wanted = pkg.engines?.['node'];
  if (typeof wanted === 'string' && wanted.trim()) notes.push({ code: 'nodeVersionWanted', wanted: wanted.trim().slice(0, 64) });
  const main = typeof pkg.main === 'string' && /^[\w./-]{1,200}$/.test(pkg.main) ? pkg.main : 'index.js';
  if (!hasStart) notes.push({ code: 'noStartScript' });
  const install = hasDependencies ? [hasLock ? 'npm ci' : 'npm install'] : [];
  const build = hasBuild ? ['npm run build'] : [];
  const start = hasStart ? '/usr/bin/npm start' : `/usr/bin/node ${main}`;
  // npm comes only when something runs it: a project without dependencies or scripts needs node alone.
  const usesNpm = install.length + build.length > 0 || hasStart;
  return { runtime: 'node', django: false, hasBuild, packages: usesNpm ? ['nodejs', 'npm'] : ['nodejs'], install, build, start, notes };
}

/** `requires-python = ">=3.13"` or a `.python-version` file. */
function pythonWanted(files: ProjectFiles): string | undefined {
  const pinned = files.read('.python-version')?.trim().split('\n')[0]?.trim();
  if (pinned) return pinned.slice(0, 32);
  const pyproject = files.read('pyproject.toml') ?? '';
  const match = /^\s*requires-python\s*=\s*["']([^"'\n]{1,64})["']/m.exec(pyproject);
  return match?.[1];
}

function mentions(text: string, pattern: RegExp): boolean {
  return text.length <= MAX_MANIFEST_BYTES && pattern.test(text);
}

function pythonPlan(files: ProjectFiles): AppPlan {
  const requirements = `${files.read('requirements.txt') ?? ''}\n${files.read('pyproject.toml') ?? ''}`;
  const django = files.names.has('manage.py') || mentions(requirements, /^\s*["']?django\b/im);
  const asgi = mentions(requirements, /^\s*["']?(fastapi|starlette|quart)\b/im);
  const flaskApp = files.names.has('app.py') ? 'app:app' : files.names.has('wsgi.py') ? 'wsgi:application' : 'main:app';
  const entry = django ? `${djangoProject(files) ?? 'config'}.wsgi:application` : asgi ? (files.names.has('main.py') ? 'main:app' : 'app:app') : flaskApp;
  const pythonServer: PythonServer = asgi ? 'uvicorn' : 'gunicorn';
  // The server comes from the Ubuntu archive (security updates with the OS); the venv sees it
  // through --system-site-packages, and the project's own requirements go into the venv.
  const install = ['python3 -m venv --system-site-packages .venv'];
  const requirementsText = files.read('requirements.txt');
  if (requirementsText !== undefined) {
    if (/^\s*[^#\s]/m.test(requirementsText)) install.push('.venv/bin/pip install -r requirements.txt');
  } else if (files.names.has('pyproject.toml')) install.push('.venv/bin/pip install .');
  const build = django ? ['.venv/bin/python manage.py collectstatic --noinput', '.venv/bin/python manage.py migrate --noinput'] : [];
  const start =
    pythonServer === 'uvicorn'
      ? `.venv/bin/python -m uvicorn ${entry} --host 127.0.0.1 --port $PORT`
      : `.venv/bin/python -m gunicorn --bind 127.0.0.1:$PORT --workers 2 ${entry}`;
  const notes: PlanNote[] = [];
  const wanted = pythonWanted(files);
  if (wanted) notes.push({ code: 'pythonVersionWanted', wanted });
  if (asgi) notes.push({ code: 'asgiDetected' });
  const packages = ['python3-venv', pythonServer === 'uvicorn' ? 'python3-uvicorn' : 'gunicorn'];
  return { runtime: 'python', entry, pythonServer, django, hasBuild: false, packages, install, build, start, notes };
}

/** The Django project package: the folder beside manage.py that manage.py names in DJANGO_SETTINGS_MODULE. */
export function djangoProject(files: ProjectFiles): string | undefined {
  const manage = files.read('manage.py') ?? '';
  const match = /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([A-Za-z_][\w]{0,64})\.settings["']/.exec(manage.slice(0, MAX_MANIFEST_BYTES));
  return match?.[1];
}

const STATIC_PLAN: AppPlan = { runtime: 'static', django: false, hasBuild: false, packages: [], install: [], build: [], start: '', notes: [] };

/** Chooses the runtime: Node (package.json), then Python (requirements.txt / pyproject.toml / manage.py), then static (index.html). */
export function detectRuntime(files: ProjectFiles): AppPlan {
  const pkg = files.names.has('package.json') ? parsePackageJson(files.read('package.json')) : undefined;
  if (pkg) return nodePlan(pkg, files.names.has('package-lock.json') || files.names.has('npm-shrinkwrap.json'));
  if (['requirements.txt', 'pyproject.toml', 'manage.py'].some((name) => files.names.has(name))) return pythonPlan(files);
  if (files.names.has('index.html')) return { ...STATIC_PLAN, notes: [] };
  return { ...STATIC_PLAN, notes: [{ code: 'noProjectFound' }] };
}
