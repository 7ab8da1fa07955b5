import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwsSource } from '../../../common/contract/schemas/aws';
import { ErrorBanner } from '../../app/ErrorBanner';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import { useLoad } from '../../bridge/use-load';

/**
 * The region the AWS steps work in, from DescribeRegions with opt-in status
 * (regions not opted in are shown, disabled, with a note). Choosing one
 * reconnects with the same credentials, as the Connect AWS page does, so
 * setup.choices.region follows.
 */
export function RegionPicker({ region, source }: { region: string | undefined; source: AwsSource | undefined }) {
  const { t } = useTranslation('ec2');
  const regions = useLoad(() => api.invoke['ec2.regions']({}), source ? JSON.stringify(source) : '');
  const [switching, setSwitching] = useState(false);
  const [switchError, setSwitchError] = useState<string | undefined>();
  // The setup's region (main's); until Connect AWS has chosen one there is nothing to switch.
  const value = region ?? '';
  const listed = regions.value?.regions ?? [];
  const shown = value === '' || listed.some((r) => r.region === value) ? listed : [{ region: value, optIn: 'unknown', usable: true }, ...listed];

  const choose = async (next: string) => {
    if (!source || next === region) return;
    setSwitching(true);
    setSwitchError(undefined);
    const result = await api.invoke['aws.connect']({ source, region: next });
    setSwitching(false);
    if (!result.ok) setSwitchError(errorText(result.error));
  };

  return (
    <div className="field">
      <label htmlFor="ec2-region">{t('regionPicker.label')}</label>
      <select id="ec2-region" value={value} disabled={!source || switching} onChange={(e) => void choose(e.target.value)} aria-describedby="ec2-region-help" data-testid="region-picker">
        {shown.map((r) => (
          <option key={r.region} value={r.region} disabled={!r.usable}>
            {r.usable ? r.region : t('regionPicker.notOptedIn', { region: r.region })}
          </option>
        ))}
      </select>
      <p id="ec2-region-help" className="muted hint">
        {switching ? t('regionPicker.switching') : t('regionPicker.help')}
      </p>
      {regions.error && <ErrorBanner text={errorText(regions.error)} onDismiss={regions.reload} />}
      {switchError && <ErrorBanner text={switchError} onDismiss={() => setSwitchError(undefined)} />}
    </div>
  );
}
