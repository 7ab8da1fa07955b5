/** A stored (unencrypted) private key -> the text of another format, always unencrypted. */
import type sshpk from 'sshpk';
import { vaultError } from '../errors';
import { parsePrivateKey, type SshKeyType } from './private-key';
import { writePpk } from './ppk';
import { mpintBody, sshString, SshReader } from './wire';

/** pem: RSA `BEGIN RSA PRIVATE KEY` / ECDSA `BEGIN EC PRIVATE KEY`; ppk: PuTTY v3; ppk-v2: PuTTY v2 (older PuTTY, WinSCP). */
export type SshKeyFormat = 'openssh' | 'pem' | 'ppk' | 'ppk-v2';

export function defaultFormatFor(keyType: SshKeyType): SshKeyFormat {
  return keyType === 'rsa' ? 'pem' : 'openssh';
}

function part(key: sshpk.PrivateKey, name: string): Buffer {
  const found = key.parts.find((p) => p.name === name)?.data;
  if (!found) throw vaultError('keyMalformed', `The stored key lacks its ${name} part.`);
  return found;
}

/** PuTTY's private blob (AppendixC of the PuTTY manual) from sshpk's key parts. */
function ppkPrivateBlob(key: sshpk.PrivateKey, keyType: SshKeyType): Buffer {
  const mpint = (name: string) => sshString(mpintBody(part(key, name)));
  if (keyType === 'rsa') return Buffer.concat([mpint('d'), mpint('p'), mpint('q'), mpint('iqmp')]);
  if (keyType === 'ecdsa') return mpint('d');
  return sshString(part(key, 'k').subarray(-32));
}

export function convertPrivateKey(storedText: string, format: SshKeyFormat, comment: string): string {
  const parsed = parsePrivateKey(storedText);
  const { key, keyType } = parsed;
  key.comment = comment;
  switch (format) {
    case 'openssh':
      return key.toString('openssh');
    case 'pem':
      if (keyType === 'ed25519') {
        throw vaultError('exportFormatUnsupported', 'Ed25519 keys have no PEM form that OpenSSH reads; use OpenSSH format.', {
          format,
          keyType,
        });
      }
      return key.toString('pkcs1');
    case 'ppk':
    case 'ppk-v2': {
      const publicBlob = key.toPublic().toBuffer('rfc4253');
      const algorithm = new SshReader(publicBlob).readText();
      const content = { algorithm, comment, publicBlob, privateBlob: ppkPrivateBlob(key, keyType) };
      return writePpk(content, format === 'ppk' ? 3 : 2);
    }
  }
}
