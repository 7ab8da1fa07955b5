import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AccountPlan } from '../../../common/contract/schemas/billing';
import type { instanceTypesResponse } from '../../../common/contract/schemas/ec2';
import { monthlyCost } from '../../../common/cost/monthly-cost';

type TypeChoice = z.infer<typeof instanceTypesResponse>['types'][number];

/**
 * Radio list of instance types, each with vCPU, memory and a monthly estimate
 * for the chosen volume size (instance + gp3 volume + public IPv4, 730 h), or
 * "no estimate" where the dated table has no price for the pair. The "free"
 * mark follows the plan: every listed type on the Free plan, none on the paid
 * plan, AWS's own eligibility flag when the plan is unknown.
 */
export function InstanceTypePicker({ types, plan, volumeGiB, value, onChange }: { types: TypeChoice[]; plan: AccountPlan; volumeGiB: number; value: string; onChange: (type: string) => void }) {
  const { t } = useTranslation('ec2');
  const date = types.find((x) => x.price)?.price?.priceDate;
  const size = Number.isFinite(volumeGiB) && volumeGiB > 0 ? volumeGiB : 0;
  return (
    <fieldset className="type-picker">
      <legend className="field-label">{t('form.type')}</legend>
      {types.length === 0 && <p className="notice">{t('form.noTypes')}</p>}
      {types.map((type) => {
        const cost = type.price ? monthlyCost({ instanceHourlyUsd: type.price.hourlyUsd, gp3UsdPerGiBMonth: type.price.gp3UsdPerGiBMonth, volumeGiB: size, publicIpv4Count: 1 }) : undefined;
        const mark = plan.state === 'free' ? t('form.freePlanEligible') : plan.state === 'unknown' && type.freeTierEligible ? t('form.freeTier') : undefined;
        return (
          <label key={type.instanceType} className="type-option">
            <input type="radio" name="instance-type" value={type.instanceType} checked={value === type.instanceType} onChange={() => onChange(type.instanceType)} />
            <span className="type-name">{type.instanceType}</span>
            {mark && <span className="pill">{mark}</span>}
            <span className="muted">{t('form.typeSpec', { vcpus: type.vcpus, memory: Math.round((type.memoryMiB / 1024) * 10) / 10, arch: type.architecture })}</span>
            <span className="type-cost" data-testid={`cost-${type.instanceType}`}>
              {cost ? (
                <>
                  {t('form.perMonth', { usd: cost.totalUsd.toFixed(2) })}
                  <small className="muted type-cost-parts">{t('form.costParts', { instance: cost.instanceUsd.toFixed(2), volume: cost.volumeUsd.toFixed(2), ipv4: cost.publicIpv4Usd.toFixed(2) })}</small>
                </>
              ) : (
                t('form.noEstimate')
              )}
            </span>
          </label>
        );
      })}
      {date && <p className="muted hint">{t('form.estimateNote', { date })}</p>}
    </fieldset>
  );
}
