/**
 * The app's settings: names from `.env.example`, values kept in the vault,
 * written on the server as the unit's EnvironmentFile (root-owned, 0600).
 * systemd's EnvironmentFile syntax: `KEY=value`, double quotes with
 * backslash escapes keep spaces, `#` and quotes literal. Linear parsers.
 */

import { ENV_NAME, MAX_ENV_VALUE, MAX_ENV_VARS } from '../../common/app-env';

export { ENV_NAME, MAX_ENV_VALUE, MAX_ENV_VARS };
/** Set by the unit itself; the page does not offer them. */
export const RESERVED_ENV = new Set(['PORT']);

export interface EnvExampleEntry {
  name: string;
  /** The example value, shown as a hint only (never taken as a secret). */
  example: string;
  /** A name that looks like it holds a secret: the page hides its value by default. */
  secret: boolean;
}

const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|DSN|DATABASE_URL)/i;

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** `.env.example` → its names, in order, first occurrence kept; comments, blanks and bad names skipped. */
export function parseEnvExample(text: string): EnvExampleEntry[] {
  const seen = new Set<string>();
  const entries: EnvExampleEntry[] = [];
  for (const raw of text.slice(0, 256 * 1024).split('\n')) {
    const line = raw.trim().replace(/^export\s+/, '');
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const name = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (!ENV_NAME.test(name) || seen.has(name) || RESERVED_ENV.has(name)) continue;
    seen.add(name);
    const value = eq < 0 ? '' : line.slice(eq + 1).trim().replace(/^["']|["']$/g, '');
    entries.push({ name, example: value.slice(0, 200), secret: looksSecret(name) });
    if (entries.length >= MAX_ENV_VARS) break;
  }
  return entries;
}

function quote(value: string): string {
  if (value.includes('\0')) throw new Error('a setting cannot hold NUL');
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\n/g, '\\n')}"`;
}

/** The file's text; names validated, values quoted; sorted so a rewrite of the same settings is byte-identical. */
export function renderEnvFile(vars: ReadonlyMap<string, string>): string {
  if (vars.size > MAX_ENV_VARS) throw new Error(`at most ${MAX_ENV_VARS} settings`);
  const lines = ['# Written by Onramp from your vault. Edit the settings in Onramp, not here.'];
  for (const name of [...vars.keys()].sort()) {
    const value = vars.get(name) ?? '';
    if (!ENV_NAME.test(name) || RESERVED_ENV.has(name)) throw new Error(`not a setting name: ${name}`);
    if (value.length > MAX_ENV_VALUE) throw new Error(`the value of ${name} is too long`);
    lines.push(`${name}=${quote(value)}`);
  }
  return `${lines.join('\n')}\n`;
}
