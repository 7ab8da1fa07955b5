/**
 * Recognises what kind of key text a file holds, without parsing the key
 * itself. Every answer comes from one linear pass over the text
 * (./text-lines.ts): the text comes from a file anyone could have made.
 */
import { pemBody, pemText, scanText, type PemBlock } from './text-lines';

export type PrivateKeyFormat = 'pem-rsa' | 'pem-ec' | 'pem-dsa' | 'pkcs8' | 'pkcs8-encrypted' | 'openssh' | 'ppk';

/** In order of preference when a file holds several. */
const PRIVATE_LABELS: ReadonlyArray<[string, PrivateKeyFormat]> = [
  ['RSA PRIVATE KEY', 'pem-rsa'],
  ['EC PRIVATE KEY', 'pem-ec'],
  ['DSA PRIVATE KEY', 'pem-dsa'],
  ['PRIVATE KEY', 'pkcs8'],
  ['ENCRYPTED PRIVATE KEY', 'pkcs8-encrypted'],
  ['OPENSSH PRIVATE KEY', 'openssh'],
];

export function privateKeyFormat(text: string): PrivateKeyFormat | null {
  const facts = scanText(text);
  if (facts.ppkHeader) return 'ppk';
  const begins = new Set(facts.begins);
  return PRIVATE_LABELS.find(([label]) => begins.has(label))?.[1] ?? null;
}

/** The complete PEM block of the private key `privateKeyFormat` found, or null when its END line is missing. */
export function privateKeyBlock(text: string, format: Exclude<PrivateKeyFormat, 'ppk'>): PemBlock | null {
  const label = PRIVATE_LABELS.find(([, f]) => f === format)?.[0];
  return scanText(text).blocks.find((block) => block.label === label) ?? null;
}

/** The block as text for a parser (markers, headers, base64 lines; stray text around it left out). */
export const blockText = pemText;
export const blockBody = pemBody;

export function isEncryptedPem(block: PemBlock): boolean {
  return block.label === 'ENCRYPTED PRIVATE KEY' || block.lines.some((line) => line.startsWith('Proc-Type:') && line.includes('4,ENCRYPTED'));
}

export type CertificateKind = 'x509' | 'openssh';

const SSH_ALGORITHM = /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d{3}|sk-[a-z0-9-]{1,60}@openssh\.com)$/;
/** The first `<type> AAAA…` line whose type passes `accept`. */
function findKeyLine(text: string, accept: (type: string) => boolean): { type: string; base64: string } | null {
  return scanText(text).keyLines.find((line) => accept(line.type)) ?? null;
}

export function certificateKind(text: string): CertificateKind | null {
  const begins = scanText(text).begins;
  if (begins.includes('CERTIFICATE') || begins.includes('TRUSTED CERTIFICATE')) return 'x509';
  if (findKeyLine(text, (type) => type.endsWith('-cert-v01@openssh.com'))) return 'openssh';
  return null;
}

/** An OpenSSH public key line (`ssh-ed25519 AAAA…`) in the text, comment left out. */
export function openSshPublicKeyLine(text: string): string | null {
  const found = findKeyLine(text, (type) => SSH_ALGORITHM.test(type));
  return found ? `${found.type} ${found.base64}` : null;
}

/** RFC 4716 block (`---- BEGIN SSH2 PUBLIC KEY ----` … END), or null. */
export function ssh2PublicKeyBlock(text: string): string | null {
  return scanText(text).ssh2Block;
}

export function publicPemBlock(text: string): PemBlock | null {
  return scanText(text).blocks.find((block) => block.label === 'PUBLIC KEY' || block.label === 'RSA PUBLIC KEY') ?? null;
}

/** The first PEM label in the text (`PGP PRIVATE KEY BLOCK`), to say what an unknown file is. */
export function firstPemLabel(text: string): string | null {
  return scanText(text).begins[0] ?? null;
}
