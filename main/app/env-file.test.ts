import { describe, expect, it } from 'vitest';
import { parseEnvExample, renderEnvFile } from './env-file';

describe('parseEnvExample', () => {
  it('takes the names in order, marks secret-looking ones, skips comments, duplicates, bad names and PORT', () => {
    const text = '# settings\nexport DEBUG=false\nSECRET_KEY=change-me\n\nDATABASE_URL="postgres://u:p@h/db"\nDEBUG=true\n1BAD=x\nPORT=8000\nAPI_TOKEN\n';
    expect(parseEnvExample(text)).toEqual([
      { name: 'DEBUG', example: 'false', secret: false },
      { name: 'SECRET_KEY', example: 'change-me', secret: true },
      { name: 'DATABASE_URL', example: 'postgres://u:p@h/db', secret: true },
      { name: 'API_TOKEN', example: '', secret: true },
    ]);
  });
});

describe('renderEnvFile', () => {
  it('quotes values so spaces, quotes, $ and newlines stay literal, sorted for a stable file', () => {
    const file = renderEnvFile(new Map([['Z_LAST', 'a b'], ['A_FIRST', 'say "hi" $HOME\nnext']]));
    expect(file.split('\n').slice(1)).toEqual(['A_FIRST="say \\"hi\\" \\$HOME\\nnext"', 'Z_LAST="a b"', '']);
  });

  it('refuses a name that is not a variable, PORT (the unit sets it) and NUL', () => {
    expect(() => renderEnvFile(new Map([['BAD-NAME', 'x']]))).toThrow();
    expect(() => renderEnvFile(new Map([['PORT', '1']]))).toThrow();
    expect(() => renderEnvFile(new Map([['A', 'x\0y']]))).toThrow();
  });
});
