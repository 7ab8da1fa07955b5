/**
 * "A folder on this computer": which files go up. The project's `.gitignore`
 * files are honoured (each applies below its own folder, as git does, through
 * the `ignore` library), and what never belongs on a server is always left
 * out: `.git`, `node_modules`, `.venv`/`venv`, `__pycache__`, `.env` files with
 * real values. Symlinks are not followed. The walk stops at a file count and a
 * total size, so a wrong folder (a home directory) is refused quickly instead
 * of read whole.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 20_000;

const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.mypy_cache', '.pytest_cache', '.next', '.cache']);
/** `.env` and `.env.local` hold real values; `.env.example` is the list of names and goes up. */
const SKIPPED_FILE = /^\.env(\..*)?$/;
const KEPT_ENV = new Set(['.env.example', '.env.sample', '.env.template']);

export interface UploadFile {
  /** Relative, with `/` separators. */
  path: string;
  size: number;
  mode: number;
}

export type UploadSelection =
  | { ok: true; files: UploadFile[]; totalBytes: number; skipped: number }
  | { ok: false; reason: 'tooManyFiles' | 'tooLarge'; files: number; totalBytes: number };

interface Rules {
  /** The folder the rules' patterns are relative to ('' for the root). */
  base: string;
  matcher: Ignore;
}

function ignoredBy(rules: readonly Rules[], relative: string, isDir: boolean): boolean {
  for (const { base, matcher } of rules) {
    if (base && !relative.startsWith(`${base}/`)) continue;
    const inner = base ? relative.slice(base.length + 1) : relative;
    if (matcher.ignores(isDir ? `${inner}/` : inner)) return true;
  }
  return false;
}

async function readRules(dir: string, base: string): Promise<Rules | undefined> {
  const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => undefined);
  if (text === undefined || text.length > 256 * 1024) return undefined;
  return { base, matcher: ignore().add(text) };
}

/** Walks the folder breadth-first and returns what would be uploaded, or why it is refused. */
export async function selectUpload(root: string, limits = { bytes: MAX_UPLOAD_BYTES, files: MAX_UPLOAD_FILES }): Promise<UploadSelection> {
  const files: UploadFile[] = [];
  let totalBytes = 0;
  let skipped = 0;
  const queue: { relative: string; rules: Rules[] }[] = [{ relative: '', rules: [] }];
  while (queue.length > 0) {
    const { relative, rules: inherited } = queue.shift() as { relative: string; rules: Rules[] };
    const dir = path.join(root, relative);
    const own = await readRules(dir, relative);
    const rules = own ? [...inherited, own] : inherited;
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        skipped++;
        continue;
      }
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name) || ignoredBy(rules, child, true)) skipped++;
        else queue.push({ relative: child, rules });
        continue;
      }
      if (!entry.isFile()) continue;
      if ((SKIPPED_FILE.test(entry.name) && !KEPT_ENV.has(entry.name)) || ignoredBy(rules, child, false)) {
        skipped++;
        continue;
      }
      const stat = await fs.stat(path.join(root, child));
      files.push({ path: child, size: stat.size, mode: stat.mode & 0o777 });
      totalBytes += stat.size;
      if (files.length > limits.files) return { ok: false, reason: 'tooManyFiles', files: files.length, totalBytes };
      if (totalBytes > limits.bytes) return { ok: false, reason: 'tooLarge', files: files.length, totalBytes };
    }
  }
  return { ok: true, files, totalBytes, skipped };
}

/**
 * Resume: the files still to send, given what the server already has
 * (`path → size` from a listing of the release folder; a partial file has a
 * smaller size and is sent again).
 */
export function stillToSend(files: readonly UploadFile[], remote: ReadonlyMap<string, number>): UploadFile[] {
  return files.filter((file) => remote.get(file.path) !== file.size);
}
