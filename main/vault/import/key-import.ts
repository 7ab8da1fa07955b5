/** A private key file -> an ssh-key draft (decrypted if a passphrase was given; see README.md). */
import path from 'node:path';
import type { ItemDraft } from '../items';
import { parsePrivateKey, type ParsedPrivateKey } from '../ssh/private-key';

export interface KeyImport {
  draft: ItemDraft;
  key: Pick<ParsedPrivateKey, 'keyType' | 'bits' | 'fingerprint' | 'publicKey' | 'format' | 'wasEncrypted'>;
}

export function importKey(text: string, fileName: string, passphrase?: string): KeyImport {
  const parsed = parsePrivateKey(text, passphrase);
  const stem = path.basename(fileName).replace(/\.(pem|key|ppk)$/i, '');
  const label = stem || parsed.comment || `${parsed.keyType} key`;
  const { keyType, bits, fingerprint, publicKey, format, wasEncrypted } = parsed;
  return {
    draft: { kind: 'ssh-key', secret: { privateKey: parsed.storedText }, meta: { label: label.slice(0, 200) } },
    key: { keyType, bits, fingerprint, publicKey, format, wasEncrypted },
  };
}
