/**
 * Vault items follow their resources. The setup records the vault items it
 * made (the server's key, the IAM user's console sign-in and access key);
 * when one is no longer in the vault, the setup stops pointing at it, and when
 * the resource it belonged to is gone (the journey model marks it `gone`),
 * `deleteGoneItems` removes it from the vault in one go.
 */
import type { JourneyModel } from '../../common/contract/schemas/journey';
import type { SetupState } from '../../common/contract/schemas/setup';
import type { SetupStateStore } from '../setup/state-store';

/**
 * The setup without the ids of items that are not in the vault. The server's
 * key stays recorded while its instance is (the model then says the key is
 * missing, rather than the server silently disappearing).
 */
export function withoutMissingItems(state: SetupState, present: ReadonlySet<string>): SetupState {
  const { consoleLoginItemId, iamAccessKeyItemId, sshKeyItemId, keyPairName, ...rest } = state.resources;
  const keep = (id: string | undefined) => id !== undefined && present.has(id);
  const keepServerKey = keep(sshKeyItemId) || (sshKeyItemId !== undefined && state.resources.instanceId !== undefined);
  const resources = {
    ...rest,
    ...(keep(consoleLoginItemId) ? { consoleLoginItemId } : {}),
    ...(keep(iamAccessKeyItemId) ? { iamAccessKeyItemId } : {}),
    ...(keepServerKey ? { sshKeyItemId } : {}),
    // The key pair's name goes with its item, unless an instance (launched with it) is still recorded.
    ...(keyPairName && (keepServerKey || state.resources.instanceId !== undefined || !sshKeyItemId) ? { keyPairName } : {}),
  };
  const same = (a: object, b: object) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
  return same(resources, state.resources) ? state : { ...state, resources };
}

/** After a vault change: forget the ids of the setup's items that are gone from the vault. */
export async function forgetMissingItems(setup: Pick<SetupStateStore, 'get' | 'update'>, present: ReadonlySet<string>): Promise<void> {
  const current = await setup.get();
  if (withoutMissingItems(current, present) === current) return;
  await setup.update((state) => withoutMissingItems(state, present));
}

/** The items the model offers for deletion: their resource is gone and they are still in the vault. */
export function goneItemIds(model: JourneyModel): string[] {
  return [...new Set(model.vaultItems.filter((item) => item.gone && !item.missing && item.role !== 'own-server-key').map((item) => item.itemId))];
}
