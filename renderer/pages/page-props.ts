/** What every page gets from the app shell (renderer/pages/registry.tsx picks the page). */
import type { ContractError } from '../../common/contract/result';
import type { PageId, SetupState } from '../../common/contract/schemas/setup';

export interface PageProps {
  setup: SetupState;
  onNavigate: (page: PageId) => void;
  onError: (error: ContractError) => void;
}
