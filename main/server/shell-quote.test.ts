import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellCommand, shellQuote } from './shell-quote';

/** What bash really receives as argv after parsing the quoted word. */
function bashArgs(line: string): string[] {
  const out = execFileSync('/bin/bash', ['-c', `for a in ${line}; do printf '%s\\0' "$a"; done`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  it.each(["plain", "a b", "it's", "$(touch /tmp/x)", "`id`", "a;b", "new\nline", "-m", "}{;", "'", ""])('passes %j to bash as one unchanged word', (value) => {
    expect(bashArgs(shellQuote(value))).toEqual([value]);
  });

  it('leaves safe words bare (quoting never stops a word being read as an option: the schemas refuse a leading dash)', () => {
    expect(shellCommand('sudo', 'nginx', '-t')).toBe('sudo nginx -t');
    expect(shellQuote('/etc/nginx/sites-available/example.com')).toBe('/etc/nginx/sites-available/example.com');
  });

  it('refuses NUL', () => {
    expect(() => shellQuote('a\0b')).toThrow();
  });
});
