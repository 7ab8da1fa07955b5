/**
 * Turns private key text (RSA PEM, SEC1 EC PEM, PKCS#8, OpenSSH, PPK v2/v3,
 * encrypted or not) into one sshpk PrivateKey plus the facts the vault keeps.
 *
 * Library choices, all checked by tests:
 * - unencrypted PEM/PKCS#8/OpenSSH: sshpk.
 * - encrypted PEM/PKCS#8: node:crypto (sshpk 1.18 throws "Incorrect passphrase"
 *   from a stream 'error' listener, i.e. as an uncaught exception, on a wrong one).
 * - encrypted OpenSSH: ssh2's utils.parseKey, which reports a wrong passphrase as a returned Error.
 * - PPK: ./ppk (MAC verified), then sshpk's putty reader.
 * Hostile files: only the key's own PEM block (found by a linear line scan)
 * reaches a parser; the KDF cost is checked before decryption (./kdf-limits);
 * every key is checked for parts that do not belong together (./key-consistency).
 * Decryption can still take a second or two: the import runs it off the main
 * thread (../import/off-thread.ts).
 */
import { createPrivateKey } from 'node:crypto';
import { utils as ssh2Utils } from 'ssh2';
import sshpk from 'sshpk';
import { isAppError } from '../../../common/errors';
import { vaultError } from '../errors';
import { fingerprintOf, publicKeyLineOf } from './fingerprint';
import { assertKeyConsistent } from './key-consistency';
import { blockBody, blockText, isEncryptedPem, privateKeyBlock, privateKeyFormat, type PrivateKeyFormat } from './key-text';
import { assertOpenSshKdfBounded, readOpenSshContainer } from './openssh-container';
import { assertPkcs8KdfBounded } from './pkcs8-kdf';
import { readPpk, writePpk } from './ppk';
import { forgetScannedText } from './text-lines';

export type SshKeyType = 'rsa' | 'ed25519' | 'ecdsa';

export interface ParsedPrivateKey {
  key: sshpk.PrivateKey;
  keyType: SshKeyType;
  bits: number;
  /** `ssh-ed25519 AAAA…` without a comment. */
  publicKey: string;
  /** `SHA256:…` exactly as `ssh-keygen -l` prints it. */
  fingerprint: string;
  format: PrivateKeyFormat;
  wasEncrypted: boolean;
  comment: string;
  /** What the vault stores: the key block as given if it was unencrypted, else a decrypted OpenSSH key. */
  storedText: string;
}

interface Decoded {
  key: sshpk.PrivateKey;
  wasEncrypted: boolean;
  /** The unencrypted key text as imported. */
  text: string;
  comment?: string;
  /** A public key stored in clear beside the private part (OpenSSH, PPK), which must match it. */
  storedPublicBlob?: Buffer;
}

const needsPassphrase = () => vaultError('keyNeedsPassphrase', 'This key is protected with a passphrase.');
const wrongPassphrase = () => vaultError('keyWrongPassphrase', 'The passphrase for this key is not correct.');
const malformed = (what: string) => vaultError('keyMalformed', `The private key could not be read (${what}).`);

function fromPem(pem: string, passphrase: string | undefined): sshpk.PrivateKey {
  if (!passphrase) throw needsPassphrase();
  let pkcs8: string;
  try {
    const keyObject = createPrivateKey({ key: pem, format: 'pem', passphrase });
    pkcs8 = keyObject.export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch {
    throw wrongPassphrase();
  }
  return sshpk.parsePrivateKey(pkcs8, 'pkcs8');
}

function fromOpenSsh(pem: string, body: string, passphrase: string | undefined): Decoded {
  const container = readOpenSshContainer(body);
  assertOpenSshKdfBounded(container);
  const storedPublicBlob = container.publicKey;
  if (container.cipherName === 'none') return { key: sshpk.parsePrivateKey(pem, 'openssh'), wasEncrypted: false, text: pem, storedPublicBlob };
  if (!passphrase) throw needsPassphrase();
  const parsed = ssh2Utils.parseKey(pem, passphrase);
  if (parsed instanceof Error) {
    if (/integrity check|bad passphrase|bad decrypt/i.test(parsed.message)) throw wrongPassphrase();
    throw malformed('encrypted OpenSSH key');
  }
  const key = sshpk.parsePrivateKey(parsed.getPrivatePEM(), 'pem');
  return { key, wasEncrypted: true, text: pem, comment: parsed.comment, storedPublicBlob };
}

function fromPpk(text: string, passphrase: string | undefined): Decoded {
  const content = readPpk(text, passphrase);
  // sshpk reads 'putty' as a private key format at runtime; @types/sshpk only lists it for public keys.
  const key = sshpk.parsePrivateKey(writePpk(content), 'putty' as sshpk.PrivateKeyFormatType);
  key.comment = content.comment;
  return { key, wasEncrypted: content.encrypted, text: `${text.trim()}\n`, storedPublicBlob: content.publicBlob };
}

function keyTypeOf(key: sshpk.PrivateKey): SshKeyType {
  if (key.type === 'rsa' || key.type === 'ed25519' || key.type === 'ecdsa') return key.type;
  throw vaultError('keyUnsupportedType', `${key.type.toUpperCase()} keys are not supported; use RSA, Ed25519 or ECDSA.`, {
    keyType: key.type,
  });
}

function decode(text: string, format: PrivateKeyFormat, passphrase: string | undefined): Decoded {
  if (format === 'ppk') return fromPpk(text, passphrase);
  const block = privateKeyBlock(text, format);
  if (!block) throw malformed('the key block has no END line');
  const pem = blockText(block);
  if (format === 'openssh') return fromOpenSsh(pem, blockBody(block), passphrase);
  if (format === 'pkcs8-encrypted') assertPkcs8KdfBounded(Buffer.from(blockBody(block), 'base64'));
  if (isEncryptedPem(block)) return { key: fromPem(pem, passphrase), wasEncrypted: true, text: pem };
  return { key: sshpk.parsePrivateKey(pem, 'pem'), wasEncrypted: false, text: pem };
}

function checked<T>(work: () => T, what: string): T {
  try {
    return work();
  } catch (error) {
    if (isAppError(error)) throw error;
    throw malformed(what);
  }
}

export function parsePrivateKey(rawText: string, passphrase?: string): ParsedPrivateKey {
  try {
    return parse(rawText, passphrase);
  } finally {
    forgetScannedText(); // the scan remembered the key's text
  }
}

function parse(rawText: string, passphrase: string | undefined): ParsedPrivateKey {
  const unmarked = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const text = unmarked.includes('\r') ? unmarked.replaceAll('\r\n', '\n').replaceAll('\r', '\n') : unmarked;
  const format = privateKeyFormat(text);
  if (!format) throw malformed('no private key found');
  if (format === 'pem-dsa') throw vaultError('keyUnsupportedType', 'DSA keys are not supported.', { keyType: 'dsa' });
  const decoded = checked(() => decode(text, format, passphrase), format);
  const { key, wasEncrypted } = decoded;
  const keyType = keyTypeOf(key);
  checked(() => assertKeyConsistent(key, decoded.storedPublicBlob), 'key check');
  const publicBlob = key.toPublic().toBuffer('rfc4253');
  return {
    key,
    keyType,
    bits: key.size,
    publicKey: publicKeyLineOf(publicBlob),
    fingerprint: fingerprintOf(publicBlob),
    format,
    wasEncrypted,
    comment: decoded.comment ?? (key.comment === '(unnamed)' ? '' : (key.comment ?? '')),
    storedText: wasEncrypted ? key.toString('openssh') : decoded.text,
  };
}
