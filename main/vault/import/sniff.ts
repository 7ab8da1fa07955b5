/** Decides what a dropped file is before anything tries to parse it, so errors can say what it actually is. */
import path from 'node:path';
import sshpk from 'sshpk';
import { certificateKind, privateKeyFormat, publicKeyKind, type CertificateKind } from '../ssh/key-text';

export type Sniffed =
  | { kind: 'private-key' }
  | { kind: 'public-key'; keyType: string; fingerprint: string }
  | { kind: 'certificate'; certificateKind: CertificateKind }
  | { kind: 'csv' }
  | { kind: 'unknown'; detected: string };

function publicKeyFacts(text: string): { keyType: string; fingerprint: string } {
  try {
    const key = sshpk.parseKey(text, 'auto');
    return { keyType: key.type, fingerprint: key.fingerprint('sha256').toString() };
  } catch {
    return { keyType: 'unknown', fingerprint: '' };
  }
}

/** A .csv/.txt name, or a first line that names an AWS credentials column. */
function looksLikeCsv(text: string, fileName: string): boolean {
  if (/\.(csv|txt)$/i.test(fileName)) return true;
  const firstLine = (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').toLowerCase();
  return /access key id|user name|secret access key/.test(firstLine);
}

export function sniff(text: string, fileName: string): Sniffed {
  if (privateKeyFormat(text)) return { kind: 'private-key' };
  const certificate = certificateKind(text);
  if (certificate) return { kind: 'certificate', certificateKind: certificate };
  if (publicKeyKind(text)) return { kind: 'public-key', ...publicKeyFacts(text) };
  const pemLabel = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
  if (pemLabel) return { kind: 'unknown', detected: pemLabel };
  if (looksLikeCsv(text, fileName)) return { kind: 'csv' };
  return { kind: 'unknown', detected: path.extname(fileName).slice(1).toLowerCase() || 'text' };
}
