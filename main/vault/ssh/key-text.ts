/** Recognises what kind of key text a file holds, without parsing the key itself. */
import { SshReader } from './wire';
import { isPpk } from './ppk';

export type PrivateKeyFormat = 'pem-rsa' | 'pem-ec' | 'pem-dsa' | 'pkcs8' | 'pkcs8-encrypted' | 'openssh' | 'ppk';

const PRIVATE_PEM: ReadonlyArray<[RegExp, PrivateKeyFormat]> = [
  [/-----BEGIN RSA PRIVATE KEY-----/, 'pem-rsa'],
  [/-----BEGIN EC PRIVATE KEY-----/, 'pem-ec'],
  [/-----BEGIN DSA PRIVATE KEY-----/, 'pem-dsa'],
  [/-----BEGIN PRIVATE KEY-----/, 'pkcs8'],
  [/-----BEGIN ENCRYPTED PRIVATE KEY-----/, 'pkcs8-encrypted'],
  [/-----BEGIN OPENSSH PRIVATE KEY-----/, 'openssh'],
];

export function privateKeyFormat(text: string): PrivateKeyFormat | null {
  if (isPpk(text)) return 'ppk';
  for (const [pattern, format] of PRIVATE_PEM) if (pattern.test(text)) return format;
  return null;
}

/** The one PEM block of a private key, so stray text around it (or a certificate next to it) is ignored. */
export function extractPrivateBlock(text: string): string {
  const match = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*?-----END \1-----/.exec(text);
  return match ? `${match[0]}\n` : text;
}

export function isEncryptedPem(text: string): boolean {
  return /-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text) || /Proc-Type:\s*4,ENCRYPTED/i.test(text);
}

export function isEncryptedOpenSsh(text: string): boolean {
  const body = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text)?.[1];
  if (!body) return false;
  const data = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  const magic = Buffer.from('openssh-key-v1\0');
  if (!data.subarray(0, magic.length).equals(magic)) return false;
  try {
    return new SshReader(data.subarray(magic.length)).readText() !== 'none';
  } catch {
    return false;
  }
}

export type PublicKeyKind = 'openssh' | 'pem' | 'ssh2';
export type CertificateKind = 'x509' | 'openssh';

const SSH_ALGORITHM = '(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\\d+|sk-[a-z0-9-]+@openssh\\.com)';

export function certificateKind(text: string): CertificateKind | null {
  if (/-----BEGIN (?:TRUSTED )?CERTIFICATE-----/.test(text)) return 'x509';
  if (new RegExp(`^\\s*\\S*-cert-v01@openssh\\.com\\s+AAAA`, 'm').test(text)) return 'openssh';
  return null;
}

export function publicKeyKind(text: string): PublicKeyKind | null {
  if (new RegExp(`^\\s*${SSH_ALGORITHM}\\s+AAAA[A-Za-z0-9+/=]+`, 'm').test(text)) return 'openssh';
  if (/-----BEGIN (?:RSA )?PUBLIC KEY-----/.test(text)) return 'pem';
  if (/---- BEGIN SSH2 PUBLIC KEY ----/.test(text)) return 'ssh2';
  return null;
}
