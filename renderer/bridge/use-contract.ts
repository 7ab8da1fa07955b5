import { useEffect, useState } from 'react';
import type { EventName } from '../../common/contract/channels';
import type { ContractError, Result } from '../../common/contract/result';
import type { PayloadOf } from '../../common/contract/types';
import { api } from './api';

/** Subscribe to a contract event for the component's lifetime. */
export function useEvent<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): void {
  useEffect(() => api.on(event, listener), [event, listener]);
}

/** Unwraps a Result, throwing a ContractFailure the UI can translate. */
export class ContractFailure extends Error {
  constructor(readonly error: ContractError) {
    super(error.message);
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new ContractFailure(result.error);
  return result.value;
}

/** Loads a value once and keeps it up to date from an event. */
export function useLive<T>(load: () => Promise<Result<T>>): [T | undefined, (value: T) => void, ContractError | undefined] {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<ContractError>();
  useEffect(() => {
    let alive = true;
    void load().then((r) => {
      if (!alive) return;
      if (r.ok) setValue(r.value);
      else setError(r.error);
    });
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return [value, setValue, error];
}
