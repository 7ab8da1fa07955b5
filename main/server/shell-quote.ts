/**
 * POSIX shell quoting for every value Onramp puts into a remote command line.
 * Values are validated by the contract's zod schemas first; quoting is the
 * second wall, so even an unexpected character can only ever be data.
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) throw new Error('NUL cannot be passed to a shell');
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A command from a program name and its arguments, each quoted. */
export function shellCommand(...words: string[]): string {
  return words.map(shellQuote).join(' ');
}
