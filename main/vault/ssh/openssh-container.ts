/**
 * The outer structure of an `openssh-key-v1` private key (PROTOCOL.key in
 * OpenSSH): cipher, KDF and its options, the public keys in clear, and the
 * (possibly encrypted) private section. Read before any decryption so the KDF
 * cost can be checked and the public half compared with the private one.
 */
import { vaultError } from '../errors';
import { assertKdfCost } from './kdf-limits';
import { SshReader } from './wire';

export interface OpenSshContainer {
  readonly cipherName: string;
  readonly kdfName: string;
  /** bcrypt rounds; 0 when the key is not encrypted. */
  readonly rounds: number;
  /** The public key blob stored in clear (RFC 4253 wire form). */
  readonly publicKey: Buffer;
}

const MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');
const malformed = (what: string) => vaultError('keyMalformed', `The private key could not be read (${what}).`);

export function readOpenSshContainer(base64Body: string): OpenSshContainer {
  const data = Buffer.from(base64Body, 'base64');
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) throw malformed('not an openssh-key-v1 key');
  try {
    const reader = new SshReader(data.subarray(MAGIC.length));
    const cipherName = reader.readText();
    const kdfName = reader.readText();
    const kdfOptions = new SshReader(reader.readString());
    const count = reader.readUInt32();
    if (count !== 1) throw malformed(`${count} keys in one file`);
    const publicKey = Buffer.from(reader.readString());
    reader.readString(); // the private section, checked by the parser that decrypts it
    let rounds = 0;
    if (kdfName === 'bcrypt') {
      kdfOptions.readString(); // salt
      rounds = kdfOptions.readUInt32();
    } else if (kdfName !== 'none') {
      throw vaultError('keyUnsupportedFormat', `OpenSSH key derivation ${kdfName} is not supported.`, { format: `OpenSSH ${kdfName.slice(0, 40)}` });
    }
    if ((cipherName === 'none') !== (kdfName === 'none')) throw malformed('cipher and key derivation disagree');
    return { cipherName, kdfName, rounds, publicKey };
  } catch (error) {
    if (error instanceof RangeError) throw malformed('truncated openssh-key-v1 structure');
    throw error;
  }
}

/** Refuses a bcrypt cost over the cap before anything runs it. */
export function assertOpenSshKdfBounded(container: OpenSshContainer): void {
  if (container.kdfName === 'bcrypt') assertKdfCost('bcrypt', container.rounds);
}
