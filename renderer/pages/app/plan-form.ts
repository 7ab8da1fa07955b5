/**
 * The App page's forms as it edits them (strings), and their request shapes
 * for the contract: where the code comes from, the plan (one command a line),
 * and the settings rows. Main judges every value again; these only make the
 * page's messages friendly and its requests well formed.
 */
import { appSource, envName, type AppPlanValue, type AppRuntimeValue, type AppSource } from '../../../common/contract/schemas/deploy';

// --- where the code comes from ---

export type SourceKind = AppSource['kind'];

export interface SourceFields {
  kind: SourceKind;
  runtime: AppRuntimeValue;
  url: string;
  branch: string;
  path: string;
}

export const DEFAULT_BRANCH = 'main';

export function initialSource(saved: AppSource | undefined): SourceFields {
  const fields: SourceFields = { kind: 'starter', runtime: 'static', url: '', branch: DEFAULT_BRANCH, path: '' };
  if (!saved) return fields;
  if (saved.kind === 'starter') return { ...fields, kind: 'starter', runtime: saved.runtime };
  if (saved.kind === 'git') return { ...fields, kind: 'git', url: saved.url, branch: saved.branch };
  return { ...fields, kind: 'folder', path: saved.path };
}

/** The source the fields describe, or undefined while something is missing or not well formed. */
export function sourceOf(fields: SourceFields): AppSource | undefined {
  const candidate: AppSource =
    fields.kind === 'starter'
      ? { kind: 'starter', runtime: fields.runtime }
      : fields.kind === 'git'
        ? { kind: 'git', url: fields.url.trim(), branch: fields.branch.trim() || DEFAULT_BRANCH }
        : { kind: 'folder', path: fields.path.trim() };
  const parsed = appSource.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** The same code: a plan read from one source is not the plan of another. */
export function sameSource(a: AppSource | undefined, b: AppSource | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'starter' && b.kind === 'starter') return a.runtime === b.runtime;
  if (a.kind === 'git' && b.kind === 'git') return a.url === b.url && a.branch === b.branch;
  return a.kind === 'folder' && b.kind === 'folder' && a.path === b.path;
}

/** A private repository's address (git@host:owner/repo or ssh://…): it needs a deploy key. */
export function isSshUrl(url: string): boolean {
  return /^(git@[^\s:]+:|ssh:\/\/)/.test(url.trim());
}

// --- the plan ---

export interface PlanFields {
  /** The plan as detected (or last deployed): what the fields below do not edit is kept from it. */
  base: AppPlanValue;
  entry: string;
  install: string;
  build: string;
  start: string;
}

/** Commands, one a line: blank lines and surrounding spaces dropped. */
export function commandsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function linesOf(commands: readonly string[]): string {
  return commands.join('\n');
}

export function planFields(plan: AppPlanValue): PlanFields {
  return { base: plan, entry: plan.entry ?? '', install: linesOf(plan.install), build: linesOf(plan.build), start: plan.start };
}

/**
 * A new Python entry (module:callable) also changes the start command that
 * names it, when it does: gunicorn and uvicorn take the entry as an argument.
 */
export function withEntry(fields: PlanFields, entry: string): PlanFields {
  const old = fields.entry.trim();
  const next = entry.trim();
  const start = old !== '' && next !== '' ? fields.start.replace(new RegExp(`(^|\\s)${escapeRegExp(old)}(?=\\s|$)`), `$1${next}`) : fields.start;
  return { ...fields, entry, start };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function planOf(fields: PlanFields): AppPlanValue {
  const { entry: _entry, ...base } = fields.base;
  const entry = fields.entry.trim();
  return {
    ...base,
    ...(base.runtime === 'python' && entry !== '' ? { entry } : {}),
    install: commandsOf(fields.install),
    build: commandsOf(fields.build),
    start: fields.start.trim(),
  };
}

/** What the plan editor says before Deploy: a service needs a start command. */
export function planProblem(fields: PlanFields): 'startMissing' | 'entryInvalid' | undefined {
  if (fields.base.runtime !== 'static' && fields.start.trim() === '') return 'startMissing';
  if (fields.base.runtime === 'python' && fields.entry.trim() !== '' && !/^[A-Za-z_][A-Za-z0-9_.]*:[A-Za-z_][A-Za-z0-9_]*$/.test(fields.entry.trim())) return 'entryInvalid';
  return undefined;
}

// --- the settings (environment) ---

export interface EnvRow {
  /** Stable across edits (React's key). */
  id: string;
  name: string;
  value: string;
  secret: boolean;
  /** A value is stored in the vault for this name (a secret's value is never shown: empty value = keep it). */
  stored: boolean;
  /** The stored setting was a secret: its value is not known to the page. */
  storedSecret: boolean;
}

export interface StoredSetting {
  name: string;
  secret: boolean;
  value?: string;
}

export interface ExampleSetting {
  name: string;
  secret: boolean;
  example?: string;
}

/** The stored settings first (as main sent them), then the `.env.example` names not stored yet. */
export function baseRows(stored: readonly StoredSetting[], example: readonly ExampleSetting[]): EnvRow[] {
  const rows: EnvRow[] = stored.map((s) => ({ id: `s:${s.name}`, name: s.name, value: s.secret ? '' : (s.value ?? ''), secret: s.secret, stored: true, storedSecret: s.secret }));
  const names = new Set(rows.map((r) => r.name));
  for (const e of example) {
    if (names.has(e.name)) continue;
    names.add(e.name);
    rows.push({ id: `e:${e.name}`, name: e.name, value: '', secret: e.secret, stored: false, storedSecret: false });
  }
  return rows;
}

/**
 * A new base (the settings read again, or a new inspection) merged into the
 * rows being edited: names not there yet are added, and each row learns
 * whether its name is stored now. A secret that was just stored drops the
 * typed value (it is in the vault; the page does not keep it).
 */
export function mergeRows(current: readonly EnvRow[], base: readonly EnvRow[]): EnvRow[] {
  const byName = new Map(base.map((row) => [row.name, row]));
  const merged = current.map((row) => {
    const fresh = byName.get(row.name);
    if (!fresh) return { ...row, stored: false, storedSecret: false };
    if (fresh.storedSecret) return { ...row, stored: true, storedSecret: true, secret: row.secret || fresh.secret, value: row.storedSecret ? row.value : '' };
    return { ...row, stored: fresh.stored, storedSecret: false };
  });
  const names = new Set(current.map((row) => row.name));
  return [...merged, ...base.filter((row) => !names.has(row.name))];
}

export type RowProblem = 'badName' | 'duplicate' | 'needsValue' | 'reserved';

/** Names and values the page can tell are wrong before main sees them (main is the judge). */
export function rowProblems(rows: readonly EnvRow[]): Map<string, RowProblem> {
  const problems = new Map<string, RowProblem>();
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim();
    if (name === '' && row.value === '' && !row.stored) continue; // an empty new row is ignored
    if (!envName.safeParse(name).success) problems.set(row.id, 'badName');
    else if (name === 'PORT') problems.set(row.id, 'reserved');
    else if (seen.has(name)) problems.set(row.id, 'duplicate');
    // A stored secret made plain needs its value typed: the page never shows (or sends back) the old one.
    else if (row.storedSecret && !row.secret && row.value === '') problems.set(row.id, 'needsValue');
    seen.add(name);
  }
  return problems;
}

/**
 * The rows as `app.setEnv` takes them. A stored secret with no value typed
 * keeps its value (none is sent); a row never stored with no value is left
 * out (a name from `.env.example` not filled in yet); an empty new row too.
 */
export function settingsInput(rows: readonly EnvRow[]): { name: string; secret: boolean; value?: string }[] {
  const out: { name: string; secret: boolean; value?: string }[] = [];
  for (const row of rows) {
    const name = row.name.trim();
    if (row.value === '' && !row.stored) continue;
    if (row.value === '' && row.storedSecret) out.push({ name, secret: row.secret });
    else out.push({ name, secret: row.secret, value: row.value });
  }
  return out;
}

let counter = 0;
export function newRow(): EnvRow {
  counter += 1;
  return { id: `n:${counter}`, name: '', value: '', secret: false, stored: false, storedSecret: false };
}

/** After a save: what was sent is stored now, and a secret's typed value is dropped (it lives in the vault). */
export function afterSave(rows: readonly EnvRow[]): EnvRow[] {
  return rows.map((row) => {
    if (row.value === '' && !row.stored) return row;
    return row.secret ? { ...row, value: '', stored: true, storedSecret: true } : { ...row, stored: true, storedSecret: false };
  });
}
