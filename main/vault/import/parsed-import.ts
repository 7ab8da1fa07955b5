/** What reading an import file gives, shared by the reader, the worker and the worker's caller. */
import type { ItemDraft } from '../items';
import type { CsvLayout } from './csv-import';
import type { TextEncodingName } from './decode-text';

export interface ImportOptions {
  /** For passphrase-protected private keys. Used once, never stored. */
  passphrase?: string;
}

export type ImportSource = `csv-${CsvLayout}` | 'ssh-key';

export interface ParsedImport {
  source: ImportSource;
  encoding: TextEncodingName;
  drafts: ItemDraft[];
}
