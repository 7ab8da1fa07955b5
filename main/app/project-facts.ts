/**
 * What the plan says after the server has been asked: whether the project
 * asks for a newer runtime than the Ubuntu archive offers (`engines.node`,
 * `requires-python`, `.python-version` against `apt-cache policy`), and where
 * a Django project collects its static files (STATIC_ROOT inside the project),
 * so nginx serves that folder as `/static/`. Linear, bounded reads.
 */
import type { PlanNote } from './runtime-plan';

type Version = [number, number];

/** The lowest version a constraint allows: `>=22`, `^22.1`, `~3.12`, `==3.13.*`, `22.x`, `3.12`, `>=3.10,<4` → [major, minor]. */
export function lowestWanted(wanted: string): Version | undefined {
  const match = /^\s*(?:>=|\^|~=|~|==|=|v)?\s*(\d{1,4})(?:\.(\d{1,4}|x|\*))?/.exec(wanted.slice(0, 64));
  if (!match?.[1]) return undefined;
  const minor = match[2] && /^\d+$/.test(match[2]) ? Number(match[2]) : 0;
  return [Number(match[1]), minor];
}

/** A Debian version → [major, minor] of the upstream part: `20.19.4+dfsg-1ubuntu1` → [20, 19], `1:3.12.3-0ubuntu2` → [3, 12]. */
export function archiveVersion(version: string): Version | undefined {
  const match = /^(?:\d{1,4}:)?(\d{1,4})\.(\d{1,4})/.exec(version.slice(0, 128));
  return match?.[1] && match[2] ? [Number(match[1]), Number(match[2])] : undefined;
}

const older = (a: Version, b: Version) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** The plan's runtime-version notes, each with what the archive offers; a "newer than offered" note when it is so. */
export function runtimeVersionNotes(notes: readonly PlanNote[], versions: readonly { package: string; candidate?: string; installed?: string }[]): PlanNote[] {
  const offered = (name: string) => {
    const entry = versions.find((v) => v.package === name);
    return entry?.installed ?? entry?.candidate;
  };
  const result: PlanNote[] = [];
  for (const note of notes) {
    if (note.code !== 'nodeVersionWanted' && note.code !== 'pythonVersionWanted') continue;
    const available = offered(note.code === 'nodeVersionWanted' ? 'nodejs' : 'python3-venv');
    const wanted = lowestWanted(note.wanted);
    const have = available ? archiveVersion(available) : undefined;
    if (wanted && have && older(have, wanted)) {
      result.push({ code: 'runtimeOlder', runtime: note.code === 'nodeVersionWanted' ? 'Node.js' : 'Python', wanted: note.wanted, available: `${have[0]}.${have[1]}` });
    }
  }
  return result;
}

const RELATIVE = /^[A-Za-z0-9_.-]{1,64}(\/[A-Za-z0-9_.-]{1,64}){0,3}$/;

/** STATIC_ROOT as a folder inside the project (`BASE_DIR / "staticfiles"`, `os.path.join(BASE_DIR, "static")`), or undefined. */
export function djangoStaticRoot(settings: string): string | undefined {
  const text = settings.slice(0, 256 * 1024);
  const line = /^STATIC_ROOT\s*=\s*(.{1,300})$/m.exec(text)?.[1] ?? '';
  const joined = /BASE_DIR\s*\/\s*["']([^"'\n]{1,200})["']/.exec(line) ?? /os\.path\.join\(\s*BASE_DIR\s*,\s*["']([^"'\n]{1,200})["']\s*\)/.exec(line);
  const folder = joined?.[1]?.replace(/\/+$/, '');
  if (!folder || !RELATIVE.test(folder) || folder.split('/').some((s) => s === '.' || s === '..')) return undefined;
  return folder;
}
