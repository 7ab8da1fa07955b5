/**
 * AWS credential CSVs -> item drafts. Three layouts, recognised by header (any
 * column order, case and spacing ignored, extra columns allowed):
 * - access key:     Access key ID,Secret access key
 * - console login:  User name,Password,Console sign-in URL
 * - old combined:   User name,Password,Access key ID,Secret access key,Console login link
 *   (one row can give an access key and a console login; empty halves are skipped)
 * Error params never echo a cell that could be a secret.
 */
import path from 'node:path';
import { vaultError } from '../errors';
import type { ItemDraft } from '../items';
import { CsvSyntaxError, readCsv, type CsvRecord } from './csv-records';
import { accountIdFromSignInUrl } from './sign-in-url';

type Column = 'userName' | 'password' | 'accessKeyId' | 'secretAccessKey' | 'signInUrl';

const COLUMN_NAMES: Record<string, Column> = {
  'user name': 'userName',
  password: 'password',
  'access key id': 'accessKeyId',
  'secret access key': 'secretAccessKey',
  'console sign-in url': 'signInUrl',
  'console sign-in link': 'signInUrl',
  'console login link': 'signInUrl',
};

export type CsvLayout = 'access-key' | 'console-login' | 'combined';

const LAYOUTS: ReadonlyArray<[CsvLayout, Column[]]> = [
  ['combined', ['userName', 'password', 'accessKeyId', 'secretAccessKey', 'signInUrl']],
  ['console-login', ['userName', 'password', 'signInUrl']],
  ['access-key', ['accessKeyId', 'secretAccessKey']],
];

const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;
const SECRET_ACCESS_KEY = /^[A-Za-z0-9/+=]{16,128}$/;

type Row = CsvRecord;

const normalizeHeader = (cell: string): string => cell.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** Shows a header cell only if it cannot be a credential: letters, spaces and a little punctuation, no digits. */
function safeHeaderCell(cell: string): string {
  const trimmed = cell.trim();
  return /^[\p{L}\s_\-.;:()/]{1,60}$/u.test(trimmed) ? trimmed : '…';
}

function parseRows(text: string): Row[] {
  try {
    return readCsv(text);
  } catch (error) {
    const line = error instanceof CsvSyntaxError ? error.line : 0;
    throw vaultError('csvMalformed', `The CSV file cannot be read near line ${line}.`, { line });
  }
}

function columnIndexes(header: string[]): { layout: CsvLayout; index: Map<Column, number> } {
  const index = new Map<Column, number>();
  header.forEach((cell, i) => {
    const column = COLUMN_NAMES[normalizeHeader(cell)];
    if (column && !index.has(column)) index.set(column, i);
  });
  const match = LAYOUTS.find(([, columns]) => columns.every((column) => index.has(column)));
  if (match) return { layout: match[0], index };
  if (header.some((cell) => ACCESS_KEY_ID.test(cell.trim()) || /^https?:\/\//i.test(cell.trim()))) {
    throw vaultError('csvMissingHeader', 'The CSV file has no header line; the first line already holds credentials.');
  }
  const found = header.map(safeHeaderCell).join(', ').slice(0, 200);
  throw vaultError('csvUnknownHeader', `The CSV header is not an AWS credentials header (found: ${found}).`, { found });
}

function labelFromFileName(fileName: string): string {
  const stem = path.basename(fileName).replace(/\.[^.]*$/, '');
  return stem.replace(/_(accessKeys|credentials)$/i, '').trim() || 'AWS';
}

function invalid(line: number, column: string): never {
  throw vaultError('csvInvalidValue', `Line ${line}: the "${column}" value is missing or not valid.`, { line, column });
}

function accessKeyDraft(row: Row, get: (c: Column) => string, label: string, accountId?: string): ItemDraft {
  const accessKeyId = get('accessKeyId');
  const secretAccessKey = get('secretAccessKey');
  if (!ACCESS_KEY_ID.test(accessKeyId)) invalid(row.line, 'Access key ID');
  if (!SECRET_ACCESS_KEY.test(secretAccessKey)) invalid(row.line, 'Secret access key');
  return { kind: 'aws-access-key', secret: { accessKeyId, secretAccessKey }, meta: { label, ...(accountId ? { accountId } : {}) } };
}

function consoleLoginDraft(row: Row, get: (c: Column) => string): ItemDraft {
  const userName = get('userName');
  const password = get('password');
  const signInUrl = get('signInUrl');
  if (!userName) invalid(row.line, 'User name');
  if (!/^https:\/\/\S+$/i.test(signInUrl)) invalid(row.line, 'Console sign-in URL');
  const accountId = accountIdFromSignInUrl(signInUrl);
  return {
    kind: 'console-login',
    secret: { userName, password, signInUrl },
    meta: { label: userName, ...(accountId ? { accountId } : {}) },
  };
}

function draftsForRow(layout: CsvLayout, row: Row, get: (c: Column) => string, fileLabel: string): ItemDraft[] {
  if (layout === 'access-key') return [accessKeyDraft(row, get, fileLabel)];
  if (layout === 'console-login') {
    if (!get('password')) invalid(row.line, 'Password');
    return [consoleLoginDraft(row, get)];
  }
  const drafts: ItemDraft[] = [];
  const userName = get('userName');
  const accountId = accountIdFromSignInUrl(get('signInUrl'));
  if (get('accessKeyId') || get('secretAccessKey')) drafts.push(accessKeyDraft(row, get, userName || fileLabel, accountId));
  if (get('password')) drafts.push(consoleLoginDraft(row, get));
  return drafts;
}

export interface CsvImport {
  layout: CsvLayout;
  drafts: ItemDraft[];
}

export function importCsv(text: string, fileName: string): CsvImport {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw vaultError('csvEmpty', 'The CSV file is empty.');
  const [header, ...rows] = parseRows(text);
  if (!header) throw vaultError('csvEmpty', 'The CSV file is empty.');
  const { layout, index } = columnIndexes(header.cells);
  const fileLabel = labelFromFileName(fileName);
  const drafts = rows.flatMap((row) => {
    const get = (column: Column): string => row.cells[index.get(column) ?? -1]?.trim() ?? '';
    return draftsForRow(layout, row, get, fileLabel);
  });
  if (drafts.length === 0) throw vaultError('csvNoRows', 'The CSV file has a header but no credentials.');
  if (layout === 'access-key' && drafts.length > 1) {
    drafts.forEach((draft, i) => (draft.meta.label = `${fileLabel} (${i + 1})`));
  }
  return { layout, drafts };
}
