import type { HandlersFor } from '../../common/contract/types';
import type { JourneyService } from './journey-service';
import { goneItemIds } from './vault-follower';

export interface JourneyHandlerDeps {
  journey: JourneyService;
  /** Removes a vault item (the vault announces it; the setup then forgets its id). */
  removeVaultItem(itemId: string): Promise<unknown>;
}

export function journeyHandlers({ journey, removeVaultItem }: JourneyHandlerDeps): HandlersFor<'journey'> {
  return {
    'journey.snapshot': () => journey.snapshot(),
    'journey.refresh': async () => {
      await journey.readAwsResources();
      return journey.snapshot();
    },
    'journey.deleteGoneItems': async () => {
      const ids = goneItemIds((await journey.snapshot()).model);
      for (const id of ids) await removeVaultItem(id);
      return { removed: ids.length };
    },
  };
}
