/**
 * A step's status as the engine found it from check(), read from the journey
 * store (renderer/journey/journey-store.ts): checked again when the page opens
 * (`setup.reconcile {step}`), and kept current by the store. A step missing
 * from the model's steps is not built yet (no check).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../common/contract/result';
import type { StepStatus } from '../../common/contract/schemas/operations';
import type { StepId } from '../../common/contract/schemas/setup';
import { api } from '../bridge/api';
import { useJourney } from '../journey/journey-store';

export interface StepStatusState {
  status: StepStatus | undefined;
  /** False until main said whether this step has a check. */
  loaded: boolean;
  built: boolean;
  recheck(): Promise<void>;
  error: ContractError | undefined;
}

export function useStepStatus(step: StepId | undefined): StepStatusState {
  const journey = useJourney();
  const [error, setError] = useState<ContractError>();
  const status = step ? journey?.steps.find((s) => s.step === step) : undefined;
  const built = status !== undefined;

  const recheck = useCallback(async () => {
    if (!step) return;
    setError(undefined);
    const r = await api.invoke['setup.reconcile']({ step });
    if (!r.ok) setError(r.error);
  }, [step]);

  // The page opened: check its step once (the store shows the result).
  const loaded = journey !== undefined;
  useEffect(() => {
    if (!loaded || !built || !step) return;
    void api.invoke['setup.reconcile']({ step }).then((r) => !r.ok && setError(r.error));
  }, [loaded, built, step]);

  return { status, loaded, built, recheck, error };
}
