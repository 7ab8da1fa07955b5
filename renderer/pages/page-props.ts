/** What every page gets from the app shell (renderer/pages/registry.tsx picks the page). */
import type { ContractError } from '../../common/contract/result';
import type { JourneyModel } from '../../common/contract/schemas/journey';
import type { PageId, SetupState } from '../../common/contract/schemas/setup';

export interface PageProps {
  /** The journey model from the one store (renderer/journey/journey-store.ts): every fact main owns. */
  journey: JourneyModel;
  /** The setup as saved: `journey.setup`, passed on for the pages' choices. */
  setup: SetupState;
  onNavigate: (page: PageId) => void;
  onError: (error: ContractError) => void;
}
