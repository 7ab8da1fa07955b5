import { describe, expect, it } from 'vitest';
import type { AppPlanValue } from '../../../common/contract/schemas/deploy';
import { afterSave, baseRows, sameSource, commandsOf, initialSource, isSshUrl, linesOf, mergeRows, newRow, planFields, planOf, planProblem, rowProblems, settingsInput, sourceOf, withEntry, type EnvRow } from './plan-form';

const python: AppPlanValue = {
  runtime: 'python',
  entry: 'app:app',
  pythonServer: 'gunicorn',
  django: false,
  hasBuild: false,
  packages: ['gunicorn', 'python3-venv'],
  install: ['python3 -m venv --system-site-packages .venv', '.venv/bin/pip install -r requirements.txt'],
  build: [],
  start: '.venv/bin/python -m gunicorn --bind 127.0.0.1:$PORT --workers 2 app:app',
  notes: [{ code: 'pythonVersionWanted', wanted: '3.13' }],
};

describe('source fields', () => {
  it('gives the source only when it is complete, with the branch defaulting to main', () => {
    const fields = initialSource(undefined);
    expect(sourceOf(fields)).toEqual({ kind: 'starter', runtime: 'static' });
    expect(sourceOf({ ...fields, kind: 'git', url: '' })).toBeUndefined();
    expect(sourceOf({ ...fields, kind: 'git', url: ' https://github.com/o/r ', branch: '' })).toEqual({ kind: 'git', url: 'https://github.com/o/r', branch: 'main' });
    expect(sourceOf({ ...fields, kind: 'git', url: 'https://github.com/o/r; rm -rf /' })).toBeUndefined();
    expect(sourceOf({ ...fields, kind: 'folder', path: '  ' })).toBeUndefined();
    expect(sourceOf({ ...fields, kind: 'folder', path: '/home/me/site' })).toEqual({ kind: 'folder', path: '/home/me/site' });
  });

  it('starts from what was last deployed', () => {
    expect(initialSource({ kind: 'git', url: 'git@github.com:o/r.git', branch: 'prod' })).toMatchObject({ kind: 'git', url: 'git@github.com:o/r.git', branch: 'prod' });
    expect(initialSource({ kind: 'starter', runtime: 'node' })).toMatchObject({ kind: 'starter', runtime: 'node' });
  });

  it('tells whether a plan was read from the same code', () => {
    expect(sameSource({ kind: 'starter', runtime: 'node' }, { kind: 'starter', runtime: 'node' })).toBe(true);
    expect(sameSource({ kind: 'starter', runtime: 'node' }, { kind: 'starter', runtime: 'python' })).toBe(false);
    expect(sameSource({ kind: 'git', url: 'https://github.com/o/r', branch: 'main' }, { kind: 'git', url: 'https://github.com/o/r', branch: 'dev' })).toBe(false);
    expect(sameSource({ kind: 'folder', path: '/a' }, { kind: 'folder', path: '/a' })).toBe(true);
    expect(sameSource({ kind: 'folder', path: '/a' }, { kind: 'starter', runtime: 'static' })).toBe(false);
    expect(sameSource(undefined, { kind: 'folder', path: '/a' })).toBe(false);
  });

  it('tells a private (SSH) address from a public one', () => {
    expect(isSshUrl('git@github.com:o/r.git')).toBe(true);
    expect(isSshUrl('ssh://git@gitlab.com/o/r.git')).toBe(true);
    expect(isSshUrl('https://github.com/o/r')).toBe(false);
    expect(isSshUrl('git@')).toBe(false);
  });
});

describe('plan fields', () => {
  it('turns lines into commands and back, dropping blank lines and spaces', () => {
    expect(commandsOf('  npm ci \n\n npm run build\r\n')).toEqual(['npm ci', 'npm run build']);
    expect(linesOf(['npm ci', 'npm run build'])).toBe('npm ci\nnpm run build');
    expect(commandsOf('')).toEqual([]);
  });

  it('round-trips an unedited plan and applies the edits', () => {
    expect(planOf(planFields(python))).toEqual(python);
    const edited = { ...planFields(python), install: 'python3 -m venv .venv\n', build: '.venv/bin/python manage.py migrate' };
    expect(planOf(edited)).toMatchObject({ install: ['python3 -m venv .venv'], build: ['.venv/bin/python manage.py migrate'], packages: python.packages, notes: python.notes });
  });

  it('changes the start command with the Python entry', () => {
    const next = withEntry(planFields(python), 'wsgi:application');
    expect(next.start).toBe('.venv/bin/python -m gunicorn --bind 127.0.0.1:$PORT --workers 2 wsgi:application');
    expect(planOf(next).entry).toBe('wsgi:application');
    // A start command that no longer names the entry is left as the user wrote it.
    const custom = withEntry({ ...planFields(python), start: './run.sh' }, 'wsgi:application');
    expect(custom.start).toBe('./run.sh');
  });

  it('says when a service has no start command or the entry is not module:callable', () => {
    expect(planProblem(planFields(python))).toBeUndefined();
    expect(planProblem({ ...planFields(python), start: ' ' })).toBe('startMissing');
    expect(planProblem({ ...planFields(python), entry: 'app' })).toBe('entryInvalid');
    const site: AppPlanValue = { ...python, runtime: 'static', entry: undefined, pythonServer: undefined, start: '', install: [], packages: [] };
    expect(planProblem(planFields(site))).toBeUndefined();
  });
});

describe('settings rows', () => {
  const stored = [
    { name: 'DEBUG', secret: false, value: '0' },
    { name: 'SECRET_KEY', secret: true },
  ];
  const example = [
    { name: 'SECRET_KEY', secret: true },
    { name: 'DATABASE_URL', secret: true },
    { name: 'SITE_NAME', secret: false, example: 'Shop' },
  ];

  it('lists the stored settings, then the example names not stored, never a secret value', () => {
    const rows = baseRows(stored, example);
    expect(rows.map((r) => [r.name, r.value, r.secret, r.stored])).toEqual([
      ['DEBUG', '0', false, true],
      ['SECRET_KEY', '', true, true],
      ['DATABASE_URL', '', true, false],
      ['SITE_NAME', '', false, false],
    ]);
  });

  it('keeps a stored secret when no value is typed, and leaves out names not filled in', () => {
    const rows = baseRows(stored, example);
    expect(settingsInput(rows)).toEqual([
      { name: 'DEBUG', secret: false, value: '0' },
      { name: 'SECRET_KEY', secret: true },
    ]);
    const typed = rows.map((r) => (r.name === 'DATABASE_URL' ? { ...r, value: 'postgres://x' } : r.name === 'SECRET_KEY' ? { ...r, value: 'new' } : r));
    expect(settingsInput(typed)).toEqual([
      { name: 'DEBUG', secret: false, value: '0' },
      { name: 'SECRET_KEY', secret: true, value: 'new' },
      { name: 'DATABASE_URL', secret: true, value: 'postgres://x' },
    ]);
  });

  it('flags bad, reserved and repeated names, and a secret made plain without its value', () => {
    const rows: EnvRow[] = [
      { ...newRow(), name: '1ABC', value: 'x' },
      { ...newRow(), name: 'PORT', value: '80' },
      { ...newRow(), name: 'API', value: 'a' },
      { ...newRow(), name: 'API', value: 'b' },
      { ...newRow(), name: 'TOKEN', value: '', secret: false, stored: true, storedSecret: true },
      newRow(),
    ];
    const problems = rowProblems(rows);
    expect(rows.map((r) => problems.get(r.id))).toEqual(['badName', 'reserved', undefined, 'duplicate', 'needsValue', undefined]);
  });

  it('merges a new base without losing what is typed, and drops a secret once it is stored', () => {
    const editing = baseRows(stored, []).concat({ ...newRow(), name: 'NEW_SECRET', value: 'typed', secret: true });
    const merged = mergeRows(editing, baseRows([...stored, { name: 'NEW_SECRET', secret: true }], example));
    expect(merged.map((r) => [r.name, r.value, r.stored])).toEqual([
      ['DEBUG', '0', true],
      ['SECRET_KEY', '', true],
      ['NEW_SECRET', '', true],
      ['DATABASE_URL', '', false],
      ['SITE_NAME', '', false],
    ]);
  });

  it('after a save, forgets the typed secrets and marks what was sent as stored', () => {
    const rows: EnvRow[] = [
      { ...newRow(), name: 'A', value: 'plain' },
      { ...newRow(), name: 'B', value: 's3cret', secret: true },
      { ...newRow(), name: 'C', value: '' },
    ];
    expect(afterSave(rows).map((r) => [r.name, r.value, r.stored, r.storedSecret])).toEqual([
      ['A', 'plain', true, false],
      ['B', '', true, true],
      ['C', '', false, false],
    ]);
  });
});
