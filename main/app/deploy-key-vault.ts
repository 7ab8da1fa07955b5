/**
 * The deploy key for a private repository: an ed25519 key generated here
 * (ssh2's generator, OpenSSH format) straight into the vault as an `ssh-key`
 * item; the page sees only its public line and fingerprint, and the private
 * half goes only into the 0600 file on the server the clone reads.
 */
import { utils } from 'ssh2';
import type { SecretStore } from '../vault/secret-store';
import type { DeployKeyVault } from './app-deps';

export function deployKeyVault(secrets: Pick<SecretStore, 'add' | 'find' | 'secretOf'>, label: (repository: string) => string): DeployKeyVault {
  return {
    publicOf(itemId) {
      const meta = itemId ? secrets.find(itemId) : undefined;
      return meta?.kind === 'ssh-key' ? { publicKey: meta.publicKey, fingerprint: meta.fingerprint } : undefined;
    },
    async create(repository) {
      const pair = utils.generateKeyPairSync('ed25519', { comment: 'onramp-deploy-key' });
      const meta = await secrets.add('ssh-key', { privateKey: pair.private }, { label: label(repository) });
      if (meta.kind !== 'ssh-key') throw new Error('the vault made another kind of item');
      return { itemId: meta.id, publicKey: meta.publicKey, fingerprint: meta.fingerprint };
    },
    privateOf: async (itemId) => (await secrets.secretOf(itemId, 'ssh-key')).privateKey,
  };
}
