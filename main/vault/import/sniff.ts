/**
 * Decides what a dropped file is before anything tries to parse it, so errors
 * can say what it actually is. Linear in the file's size: line scans
 * (../ssh/key-text.ts), and only the one public key line or block found is
 * handed to sshpk.
 */
import path from 'node:path';
import sshpk from 'sshpk';
import {
  blockText,
  certificateKind,
  firstPemLabel,
  openSshPublicKeyLine,
  privateKeyFormat,
  publicPemBlock,
  ssh2PublicKeyBlock,
  type CertificateKind,
} from '../ssh/key-text';
import { scanText } from '../ssh/text-lines';

export type Sniffed =
  | { kind: 'private-key' }
  | { kind: 'public-key'; keyType: string; fingerprint: string }
  | { kind: 'certificate'; certificateKind: CertificateKind }
  | { kind: 'csv' }
  | { kind: 'unknown'; detected: string };

/** The public key text found (one line or one block), or null. */
function publicKeyText(text: string): string | null {
  const line = openSshPublicKeyLine(text);
  if (line) return line;
  const pem = publicPemBlock(text);
  if (pem) return blockText(pem);
  return ssh2PublicKeyBlock(text);
}

function publicKeyFacts(keyText: string): { keyType: string; fingerprint: string } {
  try {
    const key = sshpk.parseKey(keyText, 'auto');
    return { keyType: key.type, fingerprint: key.fingerprint('sha256').toString() };
  } catch {
    return { keyType: 'unknown', fingerprint: '' };
  }
}

const CSV_HEADER_WORDS = ['access key id', 'user name', 'secret access key'];

/** A .csv/.txt name, or a first non-blank line that names an AWS credentials column. */
function looksLikeCsv(text: string, fileName: string): boolean {
  if (/\.(csv|txt)$/i.test(fileName)) return true;
  const lower = scanText(text).firstNonBlankLine?.toLowerCase() ?? '';
  return CSV_HEADER_WORDS.some((word) => lower.includes(word));
}

export function sniff(text: string, fileName: string): Sniffed {
  if (privateKeyFormat(text)) return { kind: 'private-key' };
  const certificate = certificateKind(text);
  if (certificate) return { kind: 'certificate', certificateKind: certificate };
  const publicKey = publicKeyText(text);
  if (publicKey) return { kind: 'public-key', ...publicKeyFacts(publicKey) };
  const pemLabel = firstPemLabel(text);
  if (pemLabel) return { kind: 'unknown', detected: pemLabel };
  if (looksLikeCsv(text, fileName)) return { kind: 'csv' };
  return { kind: 'unknown', detected: path.extname(fileName).slice(1).toLowerCase() || 'text' };
}
