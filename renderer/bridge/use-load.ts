/** A small loader for any page: the value, an error, whether it is loading, and a reload. */
import { useEffect, useRef, useState } from 'react';
import type { ContractError, Result } from '../../common/contract/result';

interface Loaded<T> {
  token: string;
  value?: T;
  error?: ContractError;
}

/** Loads whenever `key` changes (and on reload); `load` is read at that moment. */
export function useLoad<T>(load: () => Promise<Result<T>>, key: string): { value: T | undefined; error: ContractError | undefined; reload: () => void; loading: boolean } {
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>({ token: '' });
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  const token = `${key}#${generation}`;
  useEffect(() => {
    let alive = true;
    void latest.current().then((r) => {
      if (!alive) return;
      setLoaded((prev) => (r.ok ? { token, value: r.value } : { token, value: prev.value, error: r.error }));
    });
    return () => {
      alive = false;
    };
  }, [token]);
  return { value: loaded.value, error: loaded.error, loading: loaded.token !== token, reload: () => setGeneration((g) => g + 1) };
}
