import type { ContractError } from '../../common/contract/result';
import { MAX_IMPORT_BYTES } from '../../common/contract/constants';
import type { RequestOf } from '../../common/contract/types';
import { grantFile, pickFile } from '../bridge/api';
import { contractError } from '../../common/errors';

export type ImportSource = RequestOf<'vault.import'>['source'];

function tooLarge(file: File): ContractError {
  return contractError('vault.importTooLarge', 'File too large', { fileName: file.name, maxKb: MAX_IMPORT_BYTES / 1024 });
}

/**
 * A file the user dropped (or picked in the test host's page) as an import
 * source: main registers it and hands back a one-time token; the renderer never
 * names a path. (Electron: the preload sends only the dropped file's path to
 * main; the host: its bytes.)
 */
export async function sourceForFile(file: File): Promise<ImportSource | ContractError> {
  if (file.size > MAX_IMPORT_BYTES) return tooLarge(file);
  const granted = await grantFile(file);
  return granted.ok ? { kind: 'file', token: granted.value.token } : granted.error;
}

/**
 * "Import a file…": Electron's main runs the system's open dialog itself; the
 * test host opens the page's file picker. null = the user cancelled. Call it
 * straight from the click (the page's picker needs the user's gesture).
 */
export async function chooseSource(title: string): Promise<ImportSource | ContractError | null> {
  if (!pickFile) return { kind: 'dialog', title };
  const file = await pickFile();
  return file ? sourceForFile(file) : null;
}

export function isContractError(value: ImportSource | ContractError): value is ContractError {
  return 'code' in value;
}
