/**
 * Reads the key-derivation parameters of an `ENCRYPTED PRIVATE KEY` (PKCS#8
 * EncryptedPrivateKeyInfo, RFC 5958 / RFC 8018) with a small bounds-checked
 * DER reader, so the cost can be checked before OpenSSL runs it:
 * PBES2 with PBKDF2 (iterations) or scrypt (N·r·p), and PBES1 / PKCS#12 PBE
 * ({salt, iterations}).
 */
import { vaultError } from '../errors';
import { assertKdfCost } from './kdf-limits';

interface Node {
  readonly tag: number;
  readonly body: Buffer;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OID = 0x06;

const OID_PBES2 = '2a864886f70d01050d'; // 1.2.840.113549.1.5.13
const OID_PBKDF2 = '2a864886f70d01050c'; // 1.2.840.113549.1.5.12
const OID_SCRYPT = '2b06010401da47040b'; // 1.3.6.1.4.1.11591.4.11

const malformed = () => vaultError('keyMalformed', 'The private key could not be read (encrypted PKCS#8 structure).');

/** The DER elements directly inside `buffer`, in order. */
function children(buffer: Buffer): Node[] {
  const nodes: Node[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    if (offset + 2 > buffer.length) throw malformed();
    const tag = buffer[offset] ?? 0;
    let length = buffer[offset + 1] ?? 0;
    offset += 2;
    if (length & 0x80) {
      const bytes = length & 0x7f;
      if (bytes === 0 || bytes > 4 || offset + bytes > buffer.length) throw malformed();
      length = buffer.readUIntBE(offset, bytes);
      offset += bytes;
    }
    if (offset + length > buffer.length) throw malformed();
    nodes.push({ tag, body: buffer.subarray(offset, offset + length) });
    offset += length;
  }
  return nodes;
}

function bodyOf(node: Node | undefined, tag: number): Buffer {
  if (!node || node.tag !== tag) throw malformed();
  return node.body;
}

/** A non-negative INTEGER; Infinity when it does not fit in 48 bits. */
function integer(node: Node | undefined): number {
  const body = bodyOf(node, INTEGER);
  if (body.length === 0 || ((body[0] ?? 0) & 0x80) !== 0) throw malformed();
  let start = 0;
  while (start < body.length - 1 && body[start] === 0) start++;
  return body.length - start > 6 ? Infinity : body.readUIntBE(start, body.length - start);
}

function checkPbes2(params: Buffer): void {
  const [kdf] = children(params);
  const [kdfOid, kdfParams] = children(bodyOf(kdf, SEQUENCE));
  const oid = bodyOf(kdfOid, OID).toString('hex');
  const fields = children(bodyOf(kdfParams, SEQUENCE));
  if (oid === OID_PBKDF2) assertKdfCost('pbkdf2', integer(fields[1]));
  else if (oid === OID_SCRYPT) assertKdfCost('scrypt', integer(fields[1]) * integer(fields[2]) * integer(fields[3]));
  else throw vaultError('keyUnsupportedFormat', 'This PKCS#8 key derivation is not supported.', { format: 'PKCS#8' });
}

/** Throws `vault.keyKdfTooCostly` when the file asks for more work than the caps allow. */
export function assertPkcs8KdfBounded(der: Buffer): void {
  const [info] = children(der);
  const [algorithm] = children(bodyOf(info, SEQUENCE));
  const [algorithmOid, params] = children(bodyOf(algorithm, SEQUENCE));
  const oid = bodyOf(algorithmOid, OID).toString('hex');
  if (oid === OID_PBES2) return checkPbes2(bodyOf(params, SEQUENCE));
  // PBES1 and PKCS#12 PBE: SEQUENCE { salt OCTET STRING, iterations INTEGER }
  const fields = children(bodyOf(params, SEQUENCE));
  assertKdfCost('pbkdf2', integer(fields[1]));
}
