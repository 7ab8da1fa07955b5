/**
 * Runs vault operations in a separate process for the keyring tests:
 *   node --import tsx main/testing/vault/vault-child.ts <command> <dataDir>
 * Commands: status | open | init | read | crash-add, and
 *   add-many <dataDir> <tag> <count>: unlocks with the passphrase in
 *   ONRAMP_TEST_VAULT_PASSPHRASE and adds <count> access keys one by one
 *   (one file write each), for the two-process test.
 * Prints one JSON line. Secrets are reported only as SHA-256 digests.
 */
import { createHash } from 'node:crypto';
import { isAppError } from '../../../common/errors';
import { VaultService } from '../../vault/vault-service';

async function main(): Promise<unknown> {
  const [command, dataDir, tag = 'A', count = '0'] = process.argv.slice(2);
  if (!command || !dataDir) throw new Error('usage: vault-child <command> <dataDir>');
  const crash = command === 'crash-add';
  const vault = new VaultService({
    dataDir,
    beforeRename: crash ? () => void process.kill(process.pid, 'SIGKILL') : undefined,
  });
  switch (command) {
    case 'status':
      return { status: await vault.status() };
    case 'open':
      return { status: await vault.open() };
    case 'init':
      return { status: await vault.initWithKeychain() };
    case 'read': {
      const status = await vault.open();
      const items = await Promise.all(
        vault.list().map(async (meta) => ({
          label: meta.label,
          kind: meta.kind,
          secretSha256: createHash('sha256').update(JSON.stringify((await vault.getSecret(meta.id)).secret)).digest('hex'),
        })),
      );
      return { status, items };
    }
    case 'crash-add':
      await vault.open();
      await vault.add('aws-access-key', { accessKeyId: 'AKIAI44QH8DHBEXAMPLE', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY' }, { label: 'never' });
      return { unexpected: 'survived the crash' };
    case 'add-many': {
      await vault.unlockWithPassphrase(process.env['ONRAMP_TEST_VAULT_PASSPHRASE'] ?? '');
      for (let i = 0; i < Number(count); i++) {
        const accessKeyId = `AKIATEST${tag}${String(i).padStart(8, '0')}`;
        await vault.add('aws-access-key', { accessKeyId, secretAccessKey: `${tag}${'s'.repeat(39)}` }, { label: `${tag}-${i}` });
      }
      return { added: Number(count) };
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
}

main().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    const payload = isAppError(error) ? { error: { code: error.code, params: error.params, message: error.message } } : { crash: String(error) };
    process.stdout.write(`${JSON.stringify(payload)}\n`);
  },
);
