import type { ContractError } from '../../../common/contract/result';
import { MAX_IMPORT_BYTES } from '../../../common/contract/schemas/vault';
import type { RequestOf } from '../../../common/contract/types';

export type ImportSource = RequestOf<'vault.import'>['source'];

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/**
 * A dropped file as an import source. In Electron only its path goes to main,
 * which reads it; in plain Chromium (the test host) there is no path, so its
 * bytes are sent instead.
 */
export async function sourceForFile(file: File): Promise<ImportSource | ContractError> {
  const path = window.onrampFiles?.pathForFile(file);
  if (path) return { kind: 'path', path };
  if (file.size > MAX_IMPORT_BYTES) {
    return { code: 'vault.importTooLarge', message: 'File too large', params: { fileName: file.name, maxKb: MAX_IMPORT_BYTES / 1024 } };
  }
  return { kind: 'bytes', name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) };
}

export function isContractError(value: ImportSource | ContractError): value is ContractError {
  return 'code' in value;
}
