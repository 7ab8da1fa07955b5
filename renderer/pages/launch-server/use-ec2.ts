/** Small loaders for the EC2 pages: each returns the value, an error, and a reload. */
import { useCallback, useEffect, useState } from 'react';
import type { ContractError, Result } from '../../../common/contract/result';

export function useLoad<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]): { value: T | undefined; error: ContractError | undefined; reload: () => void; loading: boolean } {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<ContractError>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let alive = true;
    setLoading(true);
    void stableLoad().then((r) => {
      if (!alive) return;
      setLoading(false);
      if (r.ok) {
        setValue(r.value);
        setError(undefined);
      } else setError(r.error);
    });
    return () => {
      alive = false;
    };
  }, [stableLoad, generation]);
  return { value, error, loading, reload: () => setGeneration((g) => g + 1) };
}
