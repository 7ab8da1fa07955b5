import { useTranslation } from 'react-i18next';
import { api } from '../../bridge/api';
import { useLoad } from '../../bridge/use-load';

/**
 * The region to work in, from main's one region list (`ec2.regions`: AWS's own
 * once there are credentials, main's catalog before); a region not in the list
 * (from AWS_REGION or a profile) is offered too.
 */
export function RegionSelect({ value, onChange }: { value: string; onChange: (region: string) => void }) {
  const { t } = useTranslation('aws');
  const loaded = useLoad(() => api.invoke['ec2.regions']({}), 'regions');
  const regions = (loaded.value?.regions ?? []).filter((r) => r.usable).map((r) => r.region);
  if (value && !regions.includes(value)) regions.unshift(value);
  return (
    <div className="field">
      <label htmlFor="aws-region">{t('connect.region')}</label>
      <select id="aws-region" value={value} onChange={(e) => onChange(e.target.value)}>
        {regions.map((region) => (
          <option key={region} value={region}>
            {t(`regions.${region}`, { defaultValue: region })} — {region}
          </option>
        ))}
      </select>
      <p className="muted hint">{t('connect.regionHint')}</p>
    </div>
  );
}
