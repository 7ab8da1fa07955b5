/**
 * PuTTY private key files (PPK), versions 2 and 3, read and written here because
 * neither library covers them fully (checked: sshpk 1.18 reads v2 and unencrypted
 * v3 but never checks the MAC and cannot auto-detect v3; ssh2 1.17 reads only
 * v2 RSA). Format: https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html
 *
 * Encrypted v3 files use Argon2, which Node 20 lacks; they get a clear
 * `vault.ppkEncryptedV3Unsupported` error before any key derivation runs.
 * v2 derives its key with two SHA-1 hashes: no cost parameter to cap.
 */
import { createDecipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { vaultError } from '../errors';
import { sshString } from './wire';

export interface PpkContent {
  algorithm: string;
  comment: string;
  publicBlob: Buffer;
  /** Decrypted, padding included as stored. */
  privateBlob: Buffer;
}

interface PpkFields {
  version: 2 | 3;
  algorithm: string;
  encryption: string;
  comment: string;
  publicBlob: Buffer;
  privateBlob: Buffer;
  mac: Buffer;
}

const malformed = (what: string) => vaultError('keyMalformed', `The PuTTY key file is damaged (${what}).`);

/** Lines read one at a time with indexOf, so a huge file costs only the lines actually read. */
class LineReader {
  private offset = 0;

  constructor(private readonly text: string) {}

  next(): string | undefined {
    if (this.offset > this.text.length) return undefined;
    let end = this.text.indexOf('\n', this.offset);
    if (end < 0) end = this.text.length;
    const line = this.text.slice(this.offset, end);
    this.offset = end + 1;
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}

function parseFields(text: string): PpkFields {
  const reader = new LineReader(text);
  let line = reader.next();
  while (line !== undefined && !line.startsWith('PuTTY-User-Key-File-')) line = reader.next();
  let pending = line;
  const header = (): [string, string] => {
    const current = pending ?? reader.next() ?? '';
    pending = undefined;
    const colon = current.indexOf(':');
    if (colon < 0) throw malformed('header line');
    return [current.slice(0, colon), current.slice(colon + 1).trim()];
  };
  const block = (name: string): Buffer => {
    let [key, value] = header();
    while (key !== name) [key, value] = header(); // skips Key-Derivation, Argon2-* …; ends at a line without ':'
    const count = /^\d{1,6}$/.test(value) ? Number(value) : -1;
    if (count < 0) throw malformed(name);
    const body: string[] = [];
    for (let i = 0; i < count; i++) {
      const next = reader.next();
      if (next === undefined) throw malformed(name);
      body.push(next);
    }
    return Buffer.from(body.join(''), 'base64');
  };
  const [first, algorithm] = header();
  const version = Number(first.replace('PuTTY-User-Key-File-', ''));
  if (version !== 2 && version !== 3) {
    throw vaultError('keyUnsupportedFormat', `PuTTY key file version ${version} is not supported.`, { format: `PPK v${version}` });
  }
  const encryption = header()[1];
  const comment = header()[1];
  const publicBlob = block('Public-Lines');
  const privateBlob = block('Private-Lines');
  const [macKey, macHex] = header();
  if (macKey !== 'Private-MAC' || !/^[0-9a-f]+$/i.test(macHex)) throw malformed('Private-MAC');
  return { version, algorithm, encryption, comment, publicBlob, privateBlob, mac: Buffer.from(macHex, 'hex') };
}

function macInput(fields: Omit<PpkFields, 'version' | 'mac'>): Buffer {
  return Buffer.concat([
    sshString(fields.algorithm),
    sshString(fields.encryption),
    sshString(fields.comment),
    sshString(fields.publicBlob),
    sshString(fields.privateBlob),
  ]);
}

function computeMac(version: 2 | 3, passphrase: string, fields: Omit<PpkFields, 'version' | 'mac'>): Buffer {
  if (version === 2) {
    const key = createHash('sha1').update('putty-private-key-file-mac-key').update(passphrase, 'utf8').digest();
    return createHmac('sha1', key).update(macInput(fields)).digest();
  }
  return createHmac('sha256', Buffer.alloc(0)).update(macInput(fields)).digest();
}

function decryptV2(privateBlob: Buffer, passphrase: string): Buffer {
  if (privateBlob.length % 16 !== 0) throw malformed('encrypted length');
  const pass = Buffer.from(passphrase, 'utf8');
  const part = (n: number) => createHash('sha1').update(Buffer.from([0, 0, 0, n])).update(pass).digest();
  const key = Buffer.concat([part(0), part(1)]).subarray(0, 32);
  const decipher = createDecipheriv('aes-256-cbc', key, Buffer.alloc(16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(privateBlob), decipher.final()]);
}

/** Parses, decrypts (v2) and verifies the MAC. Throws vault.* AppErrors. */
export function readPpk(text: string, passphrase?: string): PpkContent & { encrypted: boolean } {
  const fields = parseFields(text);
  const encrypted = fields.encryption !== 'none';
  if (encrypted && fields.encryption !== 'aes256-cbc') {
    throw vaultError('keyUnsupportedFormat', `PuTTY key encryption ${fields.encryption} is not supported.`, {
      format: `PPK ${fields.encryption}`,
    });
  }
  if (encrypted && fields.version === 3) {
    throw vaultError(
      'ppkEncryptedV3Unsupported',
      'This PuTTY key (PPK version 3) is protected with a passphrase, which Onramp cannot read yet. ' +
        'In PuTTYgen, load it, clear the passphrase (or use Conversions > Export OpenSSH key), and import that file.',
    );
  }
  if (encrypted && !passphrase) throw vaultError('keyNeedsPassphrase', 'This key is protected with a passphrase.');
  const pass = encrypted ? (passphrase ?? '') : '';
  const privateBlob = encrypted ? decryptV2(fields.privateBlob, pass) : fields.privateBlob;
  const content = { ...fields, privateBlob };
  const expected = computeMac(fields.version, pass, content);
  if (expected.length !== fields.mac.length || !timingSafeEqual(expected, fields.mac)) {
    if (encrypted) throw vaultError('keyWrongPassphrase', 'The passphrase for this key is not correct.');
    throw malformed('MAC check failed');
  }
  return { algorithm: fields.algorithm, comment: fields.comment, publicBlob: fields.publicBlob, privateBlob, encrypted };
}

function wrap64(data: Buffer): string[] {
  const text = data.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 64) lines.push(text.slice(i, i + 64));
  return lines;
}

/** An unencrypted PPK file (v3 by default: PuTTY 0.75+; v2 for older PuTTY and WinSCP). */
export function writePpk(content: PpkContent, version: 2 | 3 = 3): string {
  const fields = { ...content, encryption: 'none' };
  const publicLines = wrap64(content.publicBlob);
  const privateLines = wrap64(content.privateBlob);
  const mac = computeMac(version, '', fields).toString('hex');
  return [
    `PuTTY-User-Key-File-${version}: ${content.algorithm}`,
    'Encryption: none',
    `Comment: ${content.comment.replace(/[\r\n]/g, ' ')}`,
    `Public-Lines: ${publicLines.length}`,
    ...publicLines,
    `Private-Lines: ${privateLines.length}`,
    ...privateLines,
    `Private-MAC: ${mac}`,
    '',
  ].join('\n');
}
