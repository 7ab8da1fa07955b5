import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../common/contract/result';
import type { DamagedVaultItem, VaultItem, VaultStatus } from '../../common/contract/schemas/vault';
import type { PayloadOf } from '../../common/contract/types';
import { api } from '../bridge/api';
import { useEvent } from '../bridge/use-contract';

export interface VaultView {
  status: VaultStatus;
  items: VaultItem[];
  /** Entries the vault cannot read: shown apart, with export raw and delete. */
  damaged: DamagedVaultItem[];
}

export interface UseVault {
  view: VaultView | undefined;
  /** Why the vault could not be opened or read (shown by VaultGate). */
  error: ContractError | undefined;
  setError: (error: ContractError | undefined) => void;
  refresh: () => Promise<void>;
}

type Loaded = { view?: VaultView; error?: ContractError };

/** Status, then (a keychain vault opens by itself) the list. */
async function loadVault(): Promise<Loaded> {
  const loaded = await api.invoke['vault.status']({});
  if (!loaded.ok) return { error: loaded.error };
  let status = loaded.value;
  if (status.mode === 'keychain' && status.locked) {
    const opened = await api.invoke['vault.unlock']({});
    if (!opened.ok) return { view: { status, items: [], damaged: [] }, error: opened.error };
    status = opened.value;
  }
  if (status.locked) return { view: { status, items: [], damaged: [] } };
  const listed = await api.invoke['vault.list']({});
  if (!listed.ok) return { error: listed.error };
  return { view: { status, items: listed.value.items, damaged: listed.value.damaged } };
}

/** Loads the vault's status and list, opens a keychain vault by itself, and follows `vault.changed`. */
export function useVault(): UseVault {
  const [view, setView] = useState<VaultView>();
  const [error, setError] = useState<ContractError>();
  const onChanged = useCallback((payload: PayloadOf<'vault.changed'>) => {
    setView(payload);
    if (!payload.status.locked) setError(undefined);
  }, []);
  useEvent('vault.changed', onChanged);

  const apply = useCallback((loaded: Loaded) => {
    if (loaded.view) setView(loaded.view);
    setError(loaded.error);
  }, []);
  const refresh = useCallback(() => loadVault().then(apply), [apply]);

  useEffect(() => {
    void loadVault().then(apply);
  }, [apply]);

  return { view, error, setError, refresh };
}
