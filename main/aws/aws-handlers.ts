/**
 * The Connect AWS contract handlers: list CLI profiles, suggest a region,
 * verify a credential source with STS and remember what was chosen (source,
 * region, account id and ARN; never a key) in the setup state.
 */
import type { HandlersFor } from '../../common/contract/types';
import type { SetupStateStore } from '../setup/state-store';
import { vaultError } from '../vault/errors';
import type { SecretStore } from '../vault/secret-store';
import type { AwsConnection } from './aws-connection';
import { profileOf } from './credential-source';
import { fallbackRegionForLocale, resolveDefaultRegion } from './default-region';
import type { CallerIdentity } from './identity';
import { listAwsProfiles } from './profiles';

export interface AwsHandlerDeps {
  connection: AwsConnection;
  setup: SetupStateStore;
  /** Vault access keys: their secret for STS, and the verified account id and ARN recorded on them. */
  secrets: SecretStore;
}

/** A vault access key learns which account and ARN it belongs to, so the vault list can show them. */
async function rememberIdentity(secrets: SecretStore, itemId: string, identity: CallerIdentity): Promise<void> {
  const meta = secrets.find(itemId);
  if (meta?.kind !== 'aws-access-key' || (meta.accountId === identity.accountId && meta.arn === identity.arn)) return;
  try {
    await secrets.updateMeta(itemId, { accountId: identity.accountId, arn: identity.arn }); // the vault announces it
  } catch {
    // An unusual account id or ARN (e.g. from a local test endpoint) is simply not recorded.
  }
}

/** Fails early (vault.locked, vault.itemNotFound, vault.wrongItemKind) before anything goes to AWS. */
function assertAccessKey(secrets: SecretStore, itemId: string): void {
  const meta = secrets.find(itemId);
  if (!meta) throw vaultError('itemNotFound', 'That vault item does not exist.', { id: itemId });
  if (meta.kind !== 'aws-access-key') {
    throw vaultError('wrongItemKind', `Item ${itemId} is a ${meta.kind}, not an access key.`, { expected: 'aws-access-key', actual: meta.kind });
  }
}

export function awsHandlers({ connection, setup, secrets }: AwsHandlerDeps): HandlersFor<'aws'> {
  return {
    'aws.listProfiles': async () => ({
      profiles: (await listAwsProfiles()).map(({ name, isSso, region }) => ({ name, isSso, region })),
    }),
    'aws.suggestRegion': async ({ language, source }) => ({
      region: await resolveDefaultRegion({ profile: source && profileOf(source), fallback: fallbackRegionForLocale(language) }),
    }),
    'aws.connect': async ({ source, region }) => {
      if (source.kind === 'vault') assertAccessKey(secrets, source.itemId);
      const verified = await connection.connect(source, region);
      const { accountId, arn, isRoot, principalKind } = verified.identity;
      await setup.update((state) => ({
        ...state,
        choices: { ...state.choices, awsSource: source, region: verified.region, awsIdentity: { accountId, arn, isRoot } },
      }));
      if (source.kind === 'vault') await rememberIdentity(secrets, source.itemId, verified.identity);
      return { source, region: verified.region, identity: { accountId, arn, isRoot, principalKind } };
    },
    'aws.status': async () => {
      const live = connection.current();
      if (live) {
        const { accountId, arn, isRoot } = live.identity;
        return { connected: true, source: live.source, region: live.region, identity: { accountId, arn, isRoot } };
      }
      const { choices } = await setup.get();
      return { connected: false, source: choices.awsSource, region: choices.region, identity: choices.awsIdentity };
    },
  };
}
