import { describe, expect, it } from 'vitest';
import { detectRuntime, djangoProject, type ProjectFiles } from './runtime-plan';

function project(files: Record<string, string>): ProjectFiles {
  return { names: new Set(Object.keys(files)), read: (name) => files[name] };
}

describe('detectRuntime', () => {
  it('a folder with index.html and no server code is a static site with no service', () => {
    const plan = detectRuntime(project({ 'index.html': '<h1>hi</h1>', 'style.css': '' }));
    expect(plan).toMatchObject({ runtime: 'static', start: '', install: [], notes: [] });
  });

  it('Node: npm ci with a lockfile, the build script when there is one, npm start', () => {
    const pkg = JSON.stringify({ scripts: { build: 'vite build', start: 'node dist/server.js' }, engines: { node: '>=24' }, dependencies: { express: '^5' } });
    const plan = detectRuntime(project({ 'package.json': pkg, 'package-lock.json': '{}', 'index.html': '' }));
    expect(plan).toMatchObject({ runtime: 'node', install: ['npm ci'], build: ['npm run build'], start: '/usr/bin/npm start', hasBuild: true });
    expect(plan.notes).toContainEqual({ code: 'nodeVersionWanted', wanted: '>=24' });
  });

  it('Node without a start script runs main (or index.js) and says so', () => {
    const plan = detectRuntime(project({ 'package.json': JSON.stringify({ main: 'app.js', dependencies: { ws: '^8' } }) }));
    expect(plan).toMatchObject({ install: ['npm install'], build: [], start: '/usr/bin/node app.js', packages: ['nodejs', 'npm'] });
    expect(plan.notes).toContainEqual({ code: 'noStartScript' });
  });

  it('a project with no dependencies and no scripts needs node alone: no npm, no registry', () => {
    const plan = detectRuntime(project({ 'package.json': JSON.stringify({ main: 'server.js' }) }));
    expect(plan).toMatchObject({ install: [], build: [], start: '/usr/bin/node server.js', packages: ['nodejs'] });
  });

  it('a broken package.json is not taken for Node', () => {
    expect(detectRuntime(project({ 'package.json': '{ nope', 'index.html': '' })).runtime).toBe('static');
  });

  it('Flask (WSGI): a venv, pip install -r, gunicorn bound to 127.0.0.1:$PORT', () => {
    const plan = detectRuntime(project({ 'requirements.txt': 'flask==3.1\n', 'app.py': '' }));
    expect(plan).toMatchObject({ runtime: 'python', pythonServer: 'gunicorn', entry: 'app:app', django: false, build: [] });
    expect(plan.packages).toEqual(['python3-venv', 'gunicorn']);
    expect(plan.install).toEqual(['python3 -m venv --system-site-packages .venv', '.venv/bin/pip install -r requirements.txt']);
    expect(plan.start).toBe('.venv/bin/python -m gunicorn --bind 127.0.0.1:$PORT --workers 2 app:app');
  });

  it('FastAPI (ASGI) from pyproject: uvicorn, and the wanted Python version is noted', () => {
    const plan = detectRuntime(project({ 'pyproject.toml': '[project]\nrequires-python = ">=3.13"\ndependencies = [\n  "fastapi>=0.115",\n]\n', 'main.py': '' }));
    expect(plan).toMatchObject({ pythonServer: 'uvicorn', entry: 'main:app', start: '.venv/bin/python -m uvicorn main:app --host 127.0.0.1 --port $PORT', packages: ['python3-venv', 'python3-uvicorn'] });
    expect(plan.install[1]).toBe('.venv/bin/pip install .');
    expect(plan.notes).toEqual([{ code: 'pythonVersionWanted', wanted: '>=3.13' }, { code: 'asgiDetected' }]);
  });

  it('Django: the project package from manage.py, collectstatic and migrate', () => {
    const manage = "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')";
    const files = project({ 'manage.py': manage, 'requirements.txt': 'Django==5.2\ngunicorn\n' });
    expect(djangoProject(files)).toBe('mysite');
    const plan = detectRuntime(files);
    expect(plan).toMatchObject({ django: true, entry: 'mysite.wsgi:application' });
    expect(plan.build).toEqual(['.venv/bin/python manage.py collectstatic --noinput', '.venv/bin/python manage.py migrate --noinput']);
  });

  it('an empty requirements.txt installs nothing into the venv (no index needed)', () => {
    const plan = detectRuntime(project({ 'requirements.txt': '# nothing\n', 'app.py': '' }));
    expect(plan.install).toEqual(['python3 -m venv --system-site-packages .venv']);
  });

  it('nothing recognisable says so instead of guessing', () => {
    expect(detectRuntime(project({ 'README.md': '' })).notes).toEqual([{ code: 'noProjectFound' }]);
  });
});
