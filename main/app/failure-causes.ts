/**
 * When the app does not come up, the last lines of `journalctl -u <unit>`
 * usually say why. These are the causes beginners meet most, each recognised
 * by the messages Python, Node, gunicorn and systemd print, with the fix the
 * page explains (`app:causes.<code>`). One pass over at most MAX_LINES lines.
 */

export type FailureCause = 'portInUse' | 'moduleNotFound' | 'killedForMemory' | 'permissionDenied' | 'missingVariable' | 'syntaxError';

export interface FailureDiagnosis {
  cause: FailureCause;
  /** The journal line that showed it (trimmed), for the page to quote. */
  line: string;
  /** A detail the fix names: the module, the variable, the port. */
  detail?: string;
}

export const MAX_LINES = 30;
const MAX_LINE = 2000;

const RULES: { cause: FailureCause; pattern: RegExp; detail?: number }[] = [
  { cause: 'portInUse', pattern: /(EADDRINUSE|Address already in use)(?:.*?:(\d{2,5}))?/ , detail: 2 },
  { cause: 'moduleNotFound', pattern: /ModuleNotFoundError: No module named ['"]([^'"]{1,200})['"]/, detail: 1 },
  { cause: 'moduleNotFound', pattern: /Cannot find module ['"]([^'"]{1,300})['"]/, detail: 1 },
  { cause: 'moduleNotFound', pattern: /(?:sh: \d+: |: )([\w.-]{1,100}): not found/, detail: 1 },
  { cause: 'killedForMemory', pattern: /(oom-kill|Out of memory|OOM killer|Failed with result 'oom-kill'|Main process exited, code=killed, status=9\/KILL)/ },
  { cause: 'permissionDenied', pattern: /(EACCES|PermissionError|Permission denied)/ },
  { cause: 'missingVariable', pattern: /KeyError: ['"]([A-Z_][A-Z0-9_]{0,127})['"]/, detail: 1 },
  { cause: 'missingVariable', pattern: /ImproperlyConfigured: .*?(?:[Ss]et the |variable )([A-Z_][A-Z0-9_]{0,127})/, detail: 1 },
  { cause: 'missingVariable', pattern: /environment variable ['"`]?([A-Z_][A-Z0-9_]{0,127})['"`]? (?:is )?(?:not set|missing|required)/i, detail: 1 },
  { cause: 'syntaxError', pattern: /(SyntaxError|IndentationError)/ },
];

/** The first recognised cause, newest line first (the last error is the one that stopped it). */
export function diagnoseJournal(journal: string): FailureDiagnosis | undefined {
  const lines = journal.split('\n').slice(-MAX_LINES).reverse();
  for (const raw of lines) {
    const line = raw.slice(0, MAX_LINE).trim();
    if (!line) continue;
    for (const rule of RULES) {
      const match = rule.pattern.exec(line);
      if (!match) continue;
      const detail = rule.detail ? match[rule.detail] : undefined;
      return detail ? { cause: rule.cause, line, detail } : { cause: rule.cause, line };
    }
  }
  return undefined;
}

/** The command that reads what the page shows: the unit's last 30 lines, no pager, no colour. */
export function journalTailCommand(unit: string): string {
  if (!/^onramp-[a-z0-9-]{1,48}$/.test(unit)) throw new Error(`not an app unit: ${unit}`);
  return `journalctl -u ${unit} -n ${MAX_LINES} --no-pager -o cat`;
}

/** Typed into the terminal by "Logs": follows the unit until the user presses Ctrl+C. */
export function journalFollowCommand(unit: string): string {
  if (!/^onramp-[a-z0-9-]{1,48}$/.test(unit)) throw new Error(`not an app unit: ${unit}`);
  // Bounded: the terminal is the step's, and the next command typed there waits until this one ends (Ctrl+C ends it sooner).
  return `sudo timeout 600 journalctl -u ${unit} -f -n 50`;
}
