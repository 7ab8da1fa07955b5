import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { selectUpload, stillToSend } from './upload-selection';

let root = '';
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function tree(files: Record<string, string>): Promise<string> {
  root = await mkdtemp(path.join(os.tmpdir(), 'onramp-upload-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  return root;
}

describe('selectUpload', () => {
  it('sends the project, and leaves out .git, node_modules, .venv, __pycache__, .env and what .gitignore names', async () => {
    const dir = await tree({
      'app.py': 'x',
      'requirements.txt': 'flask',
      '.gitignore': '*.log\nbuild/\n',
      '.env': 'SECRET_KEY=real',
      '.env.example': 'SECRET_KEY=',
      'debug.log': 'x',
      'build/out.js': 'x',
      '.git/HEAD': 'ref',
      'node_modules/a/index.js': 'x',
      '.venv/bin/python': 'x',
      'pkg/__pycache__/m.pyc': 'x',
      'pkg/m.py': 'x',
      'pkg/.gitignore': 'local.txt\n',
      'pkg/local.txt': 'x',
      'local.txt': 'kept: the nested rule applies only below pkg/',
    });
    await symlink('/etc/passwd', path.join(dir, 'passwd-link'));
    const selection = await selectUpload(dir);
    expect(selection.ok).toBe(true);
    if (!selection.ok) return;
    expect(selection.files.map((f) => f.path).sort()).toEqual(['.env.example', '.gitignore', 'app.py', 'local.txt', 'pkg/.gitignore', 'pkg/m.py', 'requirements.txt']);
    expect(selection.skipped).toBeGreaterThanOrEqual(8);
  });

  it('refuses a folder over the size or file cap instead of reading it whole', async () => {
    const dir = await tree({ 'a.bin': 'x'.repeat(1000), 'b.bin': 'y'.repeat(1000), 'c.txt': 'z' });
    expect(await selectUpload(dir, { bytes: 1500, files: 100 })).toMatchObject({ ok: false, reason: 'tooLarge' });
    expect(await selectUpload(dir, { bytes: 10_000, files: 1 })).toMatchObject({ ok: false, reason: 'tooManyFiles' });
  });

  it('a resumed upload sends only what is missing or partial', () => {
    const files = [
      { path: 'a', size: 10, mode: 0o644 },
      { path: 'b', size: 20, mode: 0o644 },
      { path: 'c', size: 30, mode: 0o644 },
    ];
    expect(stillToSend(files, new Map([['a', 10], ['b', 7]])).map((f) => f.path)).toEqual(['b', 'c']);
  });
});
