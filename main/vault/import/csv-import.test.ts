import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../common/errors';
import type { ItemDraft } from '../items';
import { parseImportFile } from './import-file';

const CSV_DIR = path.join(__dirname, 'fixtures', 'csv');
const AK = 'AKIAIOSFODNN7EXAMPLE';
const SK = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const URL = 'https://123456789012.signin.aws.amazon.com/console';
const SECRETS = [SK, 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY', 'p@ss,wo"rd!9', 'Pa55-word!', 'C4r0l!pw', 'Al1ce!pw', 'Xy7!pass-word'];

const load = (name: string) => parseImportFile(readFileSync(path.join(CSV_DIR, name)), name);

function failure(name: string): { code: string; params: Record<string, string | number>; message: string } {
  try {
    load(name);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, params: error.params ?? {}, message: error.message };
  }
  throw new Error(`${name} imported without an error`);
}

const accessKey = (label: string, extra: Record<string, string> = {}): ItemDraft => ({
  kind: 'aws-access-key',
  secret: { accessKeyId: AK, secretAccessKey: SK },
  meta: { label, ...extra },
});

describe('AWS CSV import: good files', () => {
  it.each([
    ['alice_accessKeys.csv', 'alice'],
    ['bom-crlf_accessKeys.csv', 'bom-crlf'],
    ['trailing-blank-lines.csv', 'trailing-blank-lines'],
    ['quoted.csv', 'quoted'],
    ['reordered-extra-column.csv', 'reordered-extra-column'],
  ])('%s -> one access key labelled %s', (name, label) => {
    const result = load(name);
    expect(result.source).toBe('csv-access-key');
    expect(result.drafts).toEqual([accessKey(label)]);
  });

  it('two-keys.csv -> two numbered access keys', () => {
    const result = load('two-keys.csv');
    expect(result.drafts.map((d) => d.meta.label)).toEqual(['two-keys (1)', 'two-keys (2)']);
    expect(result.drafts[1]?.secret).toEqual({ accessKeyId: 'AKIAI44QH8DHBEXAMPLE', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY' });
  });

  it('console login with a quoted password (comma and doubled quote) and the account id from the URL', () => {
    const result = load('alice_credentials.csv');
    expect(result.source).toBe('csv-console-login');
    expect(result.drafts).toEqual([
      {
        kind: 'console-login',
        secret: { userName: 'alice', password: 'p@ss,wo"rd!9', signInUrl: URL },
        meta: { label: 'alice', accountId: '123456789012' },
      },
    ]);
  });

  it('console login with an account alias URL has no account id', () => {
    const [draft] = load('console-alias-url.csv').drafts;
    expect(draft?.meta).toEqual({ label: 'bob' });
  });

  it('CP949 (Korean Excel) is detected and decoded, Korean user name intact', () => {
    const result = load('console-cp949.csv');
    expect(result.encoding).toBe('cp949');
    expect(result.drafts[0]?.secret).toMatchObject({ userName: '김철수', password: 'Pa55-word!' });
  });

  it('UTF-8 Korean stays UTF-8', () => {
    const result = load('console-utf8-korean.csv');
    expect(result.encoding).toBe('utf-8');
    expect(result.drafts[0]?.meta.label).toBe('홍길동');
  });

  it('old combined credentials.csv -> an access key and a console login', () => {
    const result = load('credentials-combined.csv');
    expect(result.source).toBe('csv-combined');
    expect(result.drafts).toEqual([
      accessKey('carol', { accountId: '123456789012' }),
      {
        kind: 'console-login',
        secret: { userName: 'carol', password: 'C4r0l!pw', signInUrl: URL },
        meta: { label: 'carol', accountId: '123456789012' },
      },
    ]);
  });

  it('combined rows with only one half give only that half', () => {
    const drafts = load('credentials-combined-mixed.csv').drafts;
    expect(drafts.map((d) => [d.kind, d.meta.label])).toEqual([
      ['aws-access-key', 'deploy'],
      ['console-login', 'alice'],
    ]);
  });
});

describe('AWS CSV import: bad files', () => {
  it.each([
    ['wrong-header.csv', 'vault.csvUnknownHeader', { found: 'Name, Email, Phone' }],
    ['semicolon-delimited.csv', 'vault.csvUnknownHeader', { found: 'Access key ID;Secret access key' }],
    ['empty.csv', 'vault.csvEmpty', {}],
    ['header-only.csv', 'vault.csvNoRows', {}],
    ['headerless.csv', 'vault.csvMissingHeader', {}],
    ['unclosed-quote.csv', 'vault.csvMalformed', { line: 2 }],
    ['missing-column.csv', 'vault.csvMalformed', { line: 2 }],
    ['invalid-access-key-id.csv', 'vault.csvInvalidValue', { line: 2, column: 'Access key ID' }],
    ['binary-junk.csv', 'vault.unrecognizedFile', { detected: 'binary' }],
    ['zip-like.csv', 'vault.unrecognizedFile', { detected: 'binary' }],
  ])('%s -> %s', (name, code, params) => {
    const error = failure(name);
    expect(error.code).toBe(code);
    expect(error.params).toEqual({ ...params, fileName: name });
  });

  it('never puts a secret into an error message or params', () => {
    const headerOfSecrets = `${SK},Pa55-word!,${AK}\n${SK},x,${AK}\n`;
    const names = ['headerless.csv', 'unclosed-quote.csv', 'missing-column.csv', 'invalid-access-key-id.csv'];
    const errors = names.map(failure);
    try {
      parseImportFile(Buffer.from(headerOfSecrets), 'x.csv');
    } catch (error) {
      if (isAppError(error)) errors.push({ code: error.code, params: error.params ?? {}, message: error.message });
    }
    expect(errors).toHaveLength(5);
    const text = JSON.stringify(errors);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('a header of secret-looking cells is masked, not echoed', () => {
    try {
      parseImportFile(Buffer.from('Hunter2pass,Something else\nx,y\n'), 'odd.csv');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.params).toEqual({ found: '…, Something else', fileName: 'odd.csv' });
    }
  });
});
