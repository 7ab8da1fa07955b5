import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { instanceTypesResponse } from '../../../common/contract/schemas/ec2';

type TypeChoice = z.infer<typeof instanceTypesResponse>['types'][number];

/** Radio list of instance types: free tier first, each with vCPU, memory and a monthly estimate. */
export function InstanceTypePicker({ types, value, onChange }: { types: TypeChoice[]; value: string; onChange: (type: string) => void }) {
  const { t } = useTranslation('ec2');
  const date = types.find((x) => x.estimate)?.estimate?.priceDate;
  return (
    <fieldset className="type-picker">
      <legend className="field-label">{t('form.type')}</legend>
      {types.map((type) => (
        <label key={type.instanceType} className="type-option">
          <input type="radio" name="instance-type" value={type.instanceType} checked={value === type.instanceType} onChange={() => onChange(type.instanceType)} />
          <span className="type-name">{type.instanceType}</span>
          {type.freeTierEligible && <span className="pill">{t('form.freeTier')}</span>}
          <span className="muted">{t('form.typeSpec', { vcpus: type.vcpus, memory: Math.round((type.memoryMiB / 1024) * 10) / 10, arch: type.architecture })}</span>
          <span className="type-cost">{type.estimate ? t('form.perMonth', { usd: type.estimate.totalUsd.toFixed(2) }) : t('form.noEstimate')}</span>
        </label>
      ))}
      {date && <p className="muted hint">{t('form.estimateNote', { date })}</p>}
    </fieldset>
  );
}
