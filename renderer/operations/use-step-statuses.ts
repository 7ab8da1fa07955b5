/**
 * Every built step's status (for the sidebar): fetched with `setup.steps` and
 * kept current from `setup.stepStatus`, the highest `revision` of each step winning.
 */
import { useEffect, useState } from 'react';
import type { StepStatus } from '../../common/contract/schemas/operations';
import type { StepId } from '../../common/contract/schemas/setup';
import { api } from '../bridge/api';

export type StepStatusMap = Partial<Record<StepId, StepStatus>>;

function merge(current: StepStatusMap, next: StepStatus): StepStatusMap {
  const known = current[next.step];
  return known && known.revision >= next.revision ? current : { ...current, [next.step]: next };
}

export function useStepStatuses(): StepStatusMap {
  const [statuses, setStatuses] = useState<StepStatusMap>({});
  useEffect(() => {
    let alive = true;
    const off = api.on('setup.stepStatus', (next) => setStatuses((current) => merge(current, next)));
    void api.invoke['setup.steps']({}).then((r) => {
      if (alive && r.ok) setStatuses((current) => r.value.steps.reduce(merge, current));
    });
    return () => {
      alive = false;
      off();
    };
  }, []);
  return statuses;
}
