/**
 * The record of what this setup made in IAM (setup.json `resources.iam`, see
 * common/contract/schemas/iam.ts `iamResources`). IAM groups carry no tags, so
 * this record is the only proof that the setup created one; intents are written
 * before each create call so a rerun after a crash can clean up what was left.
 */
import type { IamResources } from '../../../common/contract/schemas/iam';
import type { SetupStateStore } from '../../setup/state-store';

export interface IamLedger {
  read(): Promise<IamResources>;
  update(change: (current: IamResources) => IamResources): Promise<void>;
}

/** `list` with `value` added once. */
export function withItem(list: readonly string[] | undefined, value: string): string[] {
  return list?.includes(value) ? [...list] : [...(list ?? []), value];
}

/** `list` without `values`. */
export function withoutItems(list: readonly string[] | undefined, values: readonly string[]): string[] {
  return (list ?? []).filter((item) => !values.includes(item));
}

/** The ledger over setup.json. */
export function setupLedger(store: Pick<SetupStateStore, 'get' | 'update'>): IamLedger {
  return {
    read: async () => (await store.get()).resources.iam ?? {},
    update: async (change) => {
      await store.update((state) => ({ ...state, resources: { ...state.resources, iam: change(state.resources.iam ?? {}) } }));
    },
  };
}

/** An in-memory ledger (tests, and callers that keep no record). */
export function memoryLedger(initial: IamResources = {}): IamLedger & { value: IamResources } {
  const ledger = {
    value: initial,
    read: () => Promise.resolve(ledger.value),
    update: (change: (current: IamResources) => IamResources) => {
      ledger.value = change(ledger.value);
      return Promise.resolve();
    },
  };
  return ledger;
}
