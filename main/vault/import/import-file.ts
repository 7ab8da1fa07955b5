/**
 * The one entry point for "the user dropped a file": bytes + file name -> item
 * drafts, or an AppError whose code says what the file actually is. Every error
 * carries the file name in params.fileName.
 */
import path from 'node:path';
import { isAppError, withParams } from '../../../common/errors';
import { vaultError } from '../errors';
import type { ItemMeta } from '../items';
import type { VaultService } from '../vault-service';
import { importCsv } from './csv-import';
import { decodeText, looksBinary } from './decode-text';
import { importKey } from './key-import';
import { parseImportFileOffThread } from './off-thread';
import type { ImportOptions, ParsedImport } from './parsed-import';
import { sniff } from './sniff';
import { forgetScannedText } from '../ssh/text-lines';


function parse(bytes: Uint8Array, fileName: string, options: ImportOptions): ParsedImport {
  if (bytes.byteLength === 0) {
    if (/\.csv$/i.test(fileName)) throw vaultError('csvEmpty', 'The CSV file is empty.');
    throw vaultError('unrecognizedFile', 'The file is empty.', { detected: 'empty' });
  }
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) throw vaultError('unrecognizedFile', 'This is a binary file, not a key or a CSV.', { detected: 'binary' });
  const sniffed = sniff(text, fileName);
  switch (sniffed.kind) {
    case 'private-key':
      return { source: 'ssh-key', encoding, drafts: [importKey(text, fileName, options.passphrase).draft] };
    case 'public-key':
      throw vaultError('notPrivateKeyPublic', `This is a public key (${sniffed.keyType} ${sniffed.fingerprint}); import the private key instead.`, {
        keyType: sniffed.keyType,
        fingerprint: sniffed.fingerprint,
      });
    case 'certificate':
      throw vaultError('notPrivateKeyCertificate', `This is a certificate (${sniffed.certificateKind}), not a private key.`, {
        certificateKind: sniffed.certificateKind,
      });
    case 'csv': {
      const { layout, drafts } = importCsv(text, fileName);
      return { source: `csv-${layout}`, encoding, drafts };
    }
    case 'unknown':
      throw vaultError('unrecognizedFile', `This file is neither a private key nor an AWS CSV (${sniffed.detected}).`, {
        detected: sniffed.detected,
      });
  }
}

/** Pure: reads the file, adds nothing. */
export function parseImportFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ParsedImport {
  try {
    return parse(bytes, fileName, options);
  } catch (error) {
    if (isAppError(error)) throw withParams(error, { fileName: path.basename(fileName) });
    throw vaultError('unrecognizedFile', 'The file could not be read.', { detected: 'error', fileName: path.basename(fileName) });
  } finally {
    forgetScannedText(); // the scan remembered the file's text, which may be a private key
  }
}

/** Reads the file off the main thread (./off-thread.ts) and adds everything in it with one vault write (all or nothing). */
export async function importFileIntoVault(
  vault: VaultService,
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ItemMeta[]> {
  return vault.addMany((await parseImportFileOffThread(bytes, fileName, options)).drafts);
}
