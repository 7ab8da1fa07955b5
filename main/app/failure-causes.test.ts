import { describe, expect, it } from 'vitest';
import { diagnoseJournal, journalFollowCommand, journalTailCommand } from './failure-causes';

describe('diagnoseJournal', () => {
  const cases: [string, string, string | undefined][] = [
    ['[ERROR] Connection in use: (\'127.0.0.1\', 8000)\nOSError: [Errno 98] Address already in use', 'portInUse', undefined],
    ['Error: listen EADDRINUSE: address already in use 127.0.0.1:3000', 'portInUse', '3000'],
    ["ModuleNotFoundError: No module named 'flask'", 'moduleNotFound', 'flask'],
    ["Error: Cannot find module 'express'", 'moduleNotFound', 'express'],
    ["onramp-app.service: Failed with result 'oom-kill'.", 'killedForMemory', undefined],
    ['PermissionError: [Errno 13] Permission denied: \'/srv/app/current/db.sqlite3\'', 'permissionDenied', undefined],
    ["KeyError: 'SECRET_KEY'", 'missingVariable', 'SECRET_KEY'],
    ['django.core.exceptions.ImproperlyConfigured: Set the DATABASE_URL environment variable', 'missingVariable', 'DATABASE_URL'],
    ['SyntaxError: invalid syntax', 'syntaxError', undefined],
  ];
  for (const [journal, cause, detail] of cases) {
    it(`recognises ${cause} in "${journal.slice(0, 40)}…"`, () => {
      const found = diagnoseJournal(`Started onramp-app.service.\n${journal}\n`);
      expect(found?.cause).toBe(cause);
      expect(found?.detail).toBe(detail);
    });
  }

  it('takes the newest cause and says nothing when none is known', () => {
    expect(diagnoseJournal("ModuleNotFoundError: No module named 'x'\nKeyError: 'TOKEN'")?.cause).toBe('missingVariable');
    expect(diagnoseJournal('all good\n')).toBeUndefined();
  });

  it('reads only the app units', () => {
    expect(journalTailCommand('onramp-shop')).toBe('journalctl -u onramp-shop -n 30 --no-pager -o cat');
    expect(journalFollowCommand('onramp-shop')).toBe('sudo timeout 600 journalctl -u onramp-shop -f -n 50');
    expect(() => journalTailCommand('ssh; rm -rf /')).toThrow();
  });
});
