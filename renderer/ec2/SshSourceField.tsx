import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../common/contract/result';
import type { LaunchChoices } from '../../common/contract/schemas/ec2';
import { api } from '../bridge/api';
import { errorText } from '../i18n';

type Ssh = LaunchChoices['ssh'];

/** SSH from my IP (detected over HTTPS, or typed in) by default; from anywhere only with a warning. */
export function SshSourceField({ value, onChange }: { value: Ssh; onChange: (ssh: Ssh) => void }) {
  const { t } = useTranslation('ec2');
  const [error, setError] = useState<ContractError>();
  const [detecting, setDetecting] = useState(false);
  const detect = async () => {
    setDetecting(true);
    const r = await api.invoke['ec2.myIp']({});
    setDetecting(false);
    if (r.ok) {
      setError(undefined);
      onChange({ from: 'myIp', ip: r.value.ip });
    } else setError(r.error);
  };
  return (
    <fieldset className="field">
      <legend className="field-label">{t('form.ssh')}</legend>
      <label>
        <input type="radio" name="ssh-from" checked={value.from === 'myIp'} onChange={() => onChange({ from: 'myIp', ip: '' })} /> {t('form.sshMyIp')}
      </label>
      {value.from === 'myIp' && (
        <div className="row">
          <label htmlFor="my-ip" className="sr-only">
            {t('form.myIp')}
          </label>
          <input id="my-ip" inputMode="decimal" placeholder={t('form.myIpPlaceholder')} value={value.ip} onChange={(e) => {
              setError(undefined); // a typed address answers a failed detection
              onChange({ from: 'myIp', ip: e.target.value.trim() });
            }} aria-describedby={error ? 'my-ip-error' : undefined} />
          <button type="button" onClick={() => void detect()} disabled={detecting}>
            {t('form.detectIp')}
          </button>
        </div>
      )}
      {error && (
        <p id="my-ip-error" className="field-error" role="alert">
          {errorText(error)}
        </p>
      )}
      <label>
        <input type="radio" name="ssh-from" checked={value.from === 'anywhere'} onChange={() => onChange({ from: 'anywhere' })} /> {t('form.sshAnywhere')}
      </label>
      {value.from === 'anywhere' && (
        <p className="banner banner-warn" role="note">
          {t('form.sshAnywhereWarning')}
        </p>
      )}
      <p className="muted hint">{t('form.httpNote')}</p>
    </fieldset>
  );
}
