/**
 * Reading a built renderer the way a browser loads it: index.html's module
 * script and modulepreloads, plus every chunk those import statically (what
 * runs before any lazy `import()`), and the CSP meta. Used by the built-bundle
 * test and by `npm run size`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(__dirname, '../../..');

/** `electron-vite build` (the packaged app) or `--mode host` (the test host's renderer) into `outDir`. */
export function buildInto(outDir: string, mode: 'electron' | 'host'): void {
  const args = mode === 'host' ? ['build', '--mode', 'host'] : ['build'];
  const built = spawnSync(path.join(root, 'node_modules/.bin/electron-vite'), args, { cwd: root, env: { ...process.env, ONRAMP_OUT_DIR: outDir }, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`electron-vite ${args.join(' ')} failed:\n${built.stdout}\n${built.stderr}`);
}

function attributeValues(html: string, tag: RegExp, attribute: string): string[] {
  const values: string[] = [];
  for (const match of html.matchAll(tag)) {
    const value = new RegExp(`\\b${attribute}="([^"]+)"`).exec(match[0])?.[1];
    if (value) values.push(value);
  }
  return values;
}

/** Chunks a chunk imports statically (`import … from"./x.js"`, `import"./x.js"`, `export … from"./x.js"`), not `import("./x.js")`. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/\b(?:from|import)\s*["'](\.\/[^"'\s]+\.js)["']/g)) if (match[1]) found.push(match[1]);
  return found;
}

export interface InitialJs {
  /** Paths relative to the renderer dir. */
  files: string[];
  gzipBytes: number;
}

/** The JS index.html loads before any lazy import: the entry module, its modulepreloads, and their static imports. */
export function initialJs(rendererDir: string): InitialJs {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const queue = [
    ...attributeValues(html, /<script\b[^>]*type="module"[^>]*>/g, 'src'),
    ...attributeValues(html, /<link\b[^>]*rel="modulepreload"[^>]*>/g, 'href'),
  ].map((src) => path.posix.normalize(src.replace(/^\.?\//, '')));
  const seen = new Set<string>();
  let gzipBytes = 0;
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(rendererDir, file));
    gzipBytes += gzipSync(code, { level: 9 }).byteLength;
    for (const imported of staticImports(code.toString('utf8'))) queue.push(path.posix.join(path.posix.dirname(file), imported));
  }
  return { files: [...seen], gzipBytes };
}

/** Every JS file of the build, with its text. */
export function allJs(rendererDir: string): { file: string; code: string }[] {
  const assets = path.join(rendererDir, 'assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ file: `assets/${name}`, code: readFileSync(path.join(assets, name), 'utf8') }));
}

/** The CSP of index.html's meta, or undefined. */
export function metaCsp(rendererDir: string): string | undefined {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const meta = /<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*>/.exec(html)?.[0];
  return meta ? /\bcontent="([^"]*)"/.exec(meta)?.[1] : undefined;
}
