/**
 * A step's status as the engine found it from check(): fetched with
 * `setup.steps`, reconciled when the page opens (`setup.reconcile {step}`),
 * and kept current from `setup.stepStatus` (the highest `revision` wins).
 * A step missing from `setup.steps` is not built yet (no check).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../common/contract/result';
import type { StepStatus } from '../../common/contract/schemas/operations';
import type { StepId } from '../../common/contract/schemas/setup';
import { api } from '../bridge/api';

export interface StepStatusState {
  status: StepStatus | undefined;
  /** False until main said whether this step has a check. */
  loaded: boolean;
  built: boolean;
  recheck(): Promise<void>;
  error: ContractError | undefined;
}

export function useStepStatus(step: StepId | undefined): StepStatusState {
  const [status, setStatus] = useState<StepStatus>();
  const [loaded, setLoaded] = useState(false);
  const [built, setBuilt] = useState(false);
  const [error, setError] = useState<ContractError>();

  const apply = useCallback((next: StepStatus) => setStatus((current) => (current && current.revision >= next.revision ? current : next)), []);

  const recheck = useCallback(async () => {
    if (!step) return;
    setError(undefined);
    const r = await api.invoke['setup.reconcile']({ step });
    if (!r.ok) return setError(r.error);
    const mine = r.value.steps.find((s) => s.step === step);
    if (mine) apply(mine);
  }, [step, apply]);

  useEffect(() => {
    if (!step) return undefined;
    let alive = true;
    const off = api.on('setup.stepStatus', (next) => {
      if (next.step === step) apply(next);
    });
    void api.invoke['setup.steps']({}).then((r) => {
      if (!alive) return;
      if (!r.ok) return setError(r.error);
      const mine = r.value.steps.find((s) => s.step === step);
      setLoaded(true);
      setBuilt(mine !== undefined);
      if (mine) {
        apply(mine);
        void recheck();
      }
    });
    return () => {
      alive = false;
      off();
    };
  }, [step, apply, recheck]);

  return { status, loaded, built, recheck, error };
}
