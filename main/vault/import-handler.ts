/**
 * `vault.import`: a file from main's open dialog, a file the user dropped or
 * picked (a one-time token from UserFileGrants; never a path the renderer
 * names), or a file kept from an earlier try that needed a passphrase. An
 * encrypted key answers `needsPassphrase` with a retry id instead of an error,
 * so the page can ask and try again.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_IMPORT_BYTES, type ImportResponse } from '../../common/contract/schemas/vault';
import type { ParsedRequestOf } from '../../common/contract/types';
import { isAppError } from '../../common/errors';
import { vaultError } from './errors';
import { importFileIntoVault } from './import/import-file';
import type { PendingFile } from './pending-imports';
import type { VaultContext } from './vault-context';

type ImportRequest = ParsedRequestOf<'vault.import'>;
type Source = ImportRequest['source'];

const PASSPHRASE_CODES = new Set(['vault.keyNeedsPassphrase', 'vault.keyWrongPassphrase']);
const MAX_KB = MAX_IMPORT_BYTES / 1024;

const FILE_FILTERS = [
  { name: '.csv .pem .key .ppk', extensions: ['csv', 'pem', 'key', 'ppk', 'txt'] },
  { name: '*', extensions: ['*'] },
];

function tooLarge(fileName: string) {
  return vaultError('importTooLarge', `The file is larger than ${MAX_KB} KB; it is not a key or a credentials CSV.`, { fileName, maxKb: MAX_KB });
}

async function readLimited(filePath: string): Promise<PendingFile> {
  const name = path.basename(filePath);
  if (!path.isAbsolute(filePath)) throw vaultError('importUnreadable', 'The file path is not absolute.', { fileName: name });
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw vaultError('unrecognizedFile', 'This is not a regular file.', { fileName: name, detected: 'directory' });
    if (info.size > MAX_IMPORT_BYTES) throw tooLarge(name);
    return { name, bytes: await readFile(filePath) };
  } catch (error) {
    if (isAppError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw vaultError('importUnreadable', `The file could not be read (${code}).`, { fileName: name });
  }
}

/** null = the user cancelled the dialog. */
async function readSource(context: VaultContext, source: Source): Promise<PendingFile | null> {
  switch (source.kind) {
    case 'dialog': {
      const chosen = await context.platform.chooseOpenFile({ title: source.title ?? 'Import', filters: FILE_FILTERS });
      return chosen ? readLimited(chosen) : null;
    }
    case 'file': {
      const file = context.files.take(source.token);
      if (!file) throw vaultError('importFileExpired', 'That file is no longer available; choose or drop it again.');
      if (file.kind === 'path') return readLimited(file.path);
      const name = path.basename(file.name);
      if (file.bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge(name);
      return { name, bytes: file.bytes };
    }
    case 'retry': {
      const kept = context.pending.get(source.retryId);
      if (!kept) throw vaultError('importExpired', 'That file is no longer waiting for a passphrase; import it again.');
      return kept;
    }
  }
}

export async function importIntoVault(context: VaultContext, request: ImportRequest): Promise<ImportResponse> {
  const file = await readSource(context, request.source);
  if (!file) return { status: 'cancelled' };
  const retryId = request.source.kind === 'retry' ? request.source.retryId : undefined;
  try {
    const metas = await importFileIntoVault(context.vault, file.bytes, file.name, request.passphrase ? { passphrase: request.passphrase } : {});
    if (retryId) context.pending.drop(retryId);
    return { status: 'imported', fileName: file.name, items: await Promise.all(metas.map((meta) => context.view(meta))) };
  } catch (error) {
    if (!isAppError(error) || !PASSPHRASE_CODES.has(error.code)) {
      if (retryId) context.pending.drop(retryId);
      throw error;
    }
    const keptId = context.pending.keep(file, retryId);
    return { status: 'needsPassphrase', fileName: file.name, retryId: keptId, wrongPassphrase: error.code === 'vault.keyWrongPassphrase' };
  }
}
