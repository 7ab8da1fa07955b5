/** The vault as a capability: no step of its own, the `vault.*` handlers over its context, and its shutdown. */
import type { Capability } from '../setup/capability';
import type { VaultContext } from './vault-context';
import { vaultHandlers } from './vault-handlers';

export function createVaultCapability(context: VaultContext) {
  return {
    steps: [],
    operations: [],
    handlers: vaultHandlers(context),
    dispose: () => {
      context.vault.dispose();
      context.dispose();
    },
  } satisfies Capability;
}
