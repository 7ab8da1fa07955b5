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
 * Every key is cross-checked: the public key node:crypto derives from the
 * private part must equal the public key stored in the file.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { utils as ssh2Utils } from 'ssh2';
import sshpk from 'sshpk';
import { isAppError } from '../../../common/errors';
import { vaultError } from '../errors';
import { fingerprintOf, publicKeyLineOf } from './fingerprint';
import { extractPrivateBlock, isEncryptedOpenSsh, isEncryptedPem, privateKeyFormat, type PrivateKeyFormat } from './key-text';
import { readPpk, writePpk } from './ppk';

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
  /** What the vault stores: the file as given if it was unencrypted, else a decrypted OpenSSH key. */
  storedText: string;
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

function fromEncryptedOpenSsh(text: string, passphrase: string | undefined): { key: sshpk.PrivateKey; comment: string } {
  if (!passphrase) throw needsPassphrase();
  const parsed = ssh2Utils.parseKey(text, passphrase);
  if (parsed instanceof Error) {
    if (/integrity check|bad passphrase|bad decrypt/i.test(parsed.message)) throw wrongPassphrase();
    throw malformed('encrypted OpenSSH key');
  }
  return { key: sshpk.parsePrivateKey(parsed.getPrivatePEM(), 'pem'), comment: parsed.comment };
}

function fromPpk(text: string, passphrase: string | undefined): sshpk.PrivateKey {
  const content = readPpk(text, passphrase);
  // sshpk reads 'putty' as a private key format at runtime; @types/sshpk only lists it for public keys.
  const key = sshpk.parsePrivateKey(writePpk(content), 'putty' as sshpk.PrivateKeyFormatType);
  key.comment = content.comment;
  return key;
}

function keyTypeOf(key: sshpk.PrivateKey): SshKeyType {
  if (key.type === 'rsa' || key.type === 'ed25519' || key.type === 'ecdsa') return key.type;
  throw vaultError('keyUnsupportedType', `${key.type.toUpperCase()} keys are not supported; use RSA, Ed25519 or ECDSA.`, {
    keyType: key.type,
  });
}

/** sshpk writes Ed25519 PKCS#8 that OpenSSL rejects, so that one is built from the seed here. */
function nodePrivateKey(key: sshpk.PrivateKey): KeyObject {
  if (key.type !== 'ed25519') return createPrivateKey(key.toString('pkcs8'));
  const seed = key.parts.find((part) => part.name === 'k')?.data.subarray(-32);
  if (!seed) throw malformed('Ed25519 key without its private part');
  const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
  return createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
}

/** The public key derived by node:crypto from the private part must equal the stored public key. */
function assertConsistent(key: sshpk.PrivateKey): void {
  const derived = createPublicKey(nodePrivateKey(key)).export({ type: 'spki', format: 'der' });
  const stored = createPublicKey(key.toPublic().toString('pkcs8')).export({ type: 'spki', format: 'der' });
  if (!derived.equals(stored)) throw malformed('the public and private parts do not belong together');
}

function decode(text: string, format: PrivateKeyFormat, passphrase: string | undefined) {
  if (format === 'ppk') return { key: fromPpk(text, passphrase), wasEncrypted: /^Encryption:[ \t]*(?!none\b)\S/m.test(text) };
  const block = extractPrivateBlock(text);
  if (format === 'openssh' && isEncryptedOpenSsh(block)) return { ...fromEncryptedOpenSsh(block, passphrase), wasEncrypted: true };
  if (isEncryptedPem(block)) return { key: fromPem(block, passphrase), wasEncrypted: true };
  return { key: sshpk.parsePrivateKey(block, format === 'openssh' ? 'openssh' : 'pem'), wasEncrypted: false };
}

export function parsePrivateKey(rawText: string, passphrase?: string): ParsedPrivateKey {
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const format = privateKeyFormat(text);
  if (!format) throw malformed('no private key found');
  if (format === 'pem-dsa') throw vaultError('keyUnsupportedType', 'DSA keys are not supported.', { keyType: 'dsa' });
  let decoded: { key: sshpk.PrivateKey; wasEncrypted: boolean; comment?: string };
  try {
    decoded = decode(text, format, passphrase);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw malformed(format);
  }
  const { key, wasEncrypted } = decoded;
  const keyType = keyTypeOf(key);
  try {
    assertConsistent(key);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw malformed('key check');
  }
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
    storedText: wasEncrypted ? key.toString('openssh') : `${(format === 'ppk' ? text : extractPrivateBlock(text)).trim()}\n`,
  };
}
