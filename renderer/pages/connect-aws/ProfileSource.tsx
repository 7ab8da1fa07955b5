import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import type { AwsProfile } from '../../../common/contract/schemas/aws';
import { api } from '../../bridge/api';

/** A profile from ~/.aws/config and ~/.aws/credentials (read by the AWS SDK in main); SSO profiles are marked. */
export function ProfileSource({ profile, onChange, onError }: { profile: string; onChange: (profile: AwsProfile | undefined) => void; onError: (error: ContractError) => void }) {
  const { t } = useTranslation('aws');
  const [profiles, setProfiles] = useState<AwsProfile[]>();
  const load = useCallback(
    () =>
      api.invoke['aws.listProfiles']({}).then((result) => {
        if (result.ok) setProfiles(result.value.profiles);
        else onError(result.error);
      }),
    [onError],
  );
  useEffect(() => {
    void load();
  }, [load]);

  if (!profiles) return <p className="muted">{t('common:loading')}</p>;
  const selected = profiles.find((p) => p.name === profile);
  return (
    <div className="source-panel" data-testid="aws-profile-source">
      {profiles.length === 0 ? (
        <p className="muted">{t('profileSource.none')}</p>
      ) : (
        <div className="field">
          <label htmlFor="aws-profile">{t('profileSource.pick')}</label>
          <select id="aws-profile" value={profile} onChange={(e) => onChange(profiles.find((p) => p.name === e.target.value))}>
            <option value="">{t('profileSource.choose')}</option>
            {profiles.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
                {p.isSso ? ` — ${t('profileSource.sso')}` : ''}
                {p.region ? ` (${p.region})` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {selected?.isSso && <p className="muted">{t('profileSource.ssoHint', { profile: selected.name })}</p>}
      <div>
        <button type="button" className="secondary small" onClick={() => void load()}>
          {t('profileSource.reload')}
        </button>
      </div>
    </div>
  );
}
