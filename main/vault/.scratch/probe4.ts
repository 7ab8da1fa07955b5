import { readFileSync } from 'node:fs';
import { parsePrivateKey } from '../ssh/private-key';
for (const [f, pp] of [['ecdsa'],['ecdsa_v3.ppk'],['ed25519'],['ed25519_enc','correct horse'],['ed25519_enc','wrong'],['ed25519_enc'],['ed25519_v2.ppk'],['ed25519_v2_enc.ppk','correct horse'],['ed25519_v2_enc.ppk','wrong'],['ed25519_v3_enc.ppk','x'],['rsa_openssh'],['rsa_pem'],['rsa_pem_enc','correct horse'],['rsa_pem_enc','wrong'],['rsa_pkcs8'],['rsa_pkcs8_enc.pem','correct horse'],['rsa_pkcs8_enc.pem','wrong'],['rsa_v2.ppk'],['rsa_v3.ppk'],['ed_pkcs8.pem'],['ec_pkcs8.pem'],['ec_sec1.pem']] as [string, string?][]) {
  try { const k = parsePrivateKey(readFileSync('/tmp/kx/' + f, 'utf8'), pp); console.log(f, k.keyType, k.bits, k.fingerprint, k.format, k.wasEncrypted, JSON.stringify(k.comment), k.storedText.split('\n')[0]); }
  catch (e) { console.log(f, 'ERR', (e as {code?: string}).code, (e as Error).message); }
}
