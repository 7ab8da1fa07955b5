import { useTranslation } from 'react-i18next';
import type { LaunchChoices } from '../../../common/contract/schemas/ec2';
import { api } from '../../bridge/api';
import { useLoad } from '../../bridge/use-load';

type KeyPair = LaunchChoices['keyPair'];

/**
 * A new key pair (name, RSA or ED25519, PEM or PPK), or one that already
 * exists in the region — offered only when its private key is in the vault.
 */
export function KeyPairField({ value, onChange, region }: { value: KeyPair; onChange: (keyPair: KeyPair) => void; region: string | undefined }) {
  const { t } = useTranslation('ec2');
  const existing = useLoad(() => api.invoke['ec2.keyPairs']({}), region ?? '');
  const reusable = existing.value?.keyPairs ?? [];
  const reusing = reusable.find((k) => k.keyName === value.name);
  const newName = reusing ? 'onramp-key' : value.name;

  return (
    <fieldset className="field">
      <legend className="field-label">{t('form.keyPair')}</legend>
      {reusable.length > 0 && (
        <>
          <label htmlFor="key-source">{t('form.keySource')}</label>
          <select
            id="key-source"
            value={reusing ? reusing.keyName : ''}
            onChange={(e) => {
              const chosen = reusable.find((k) => k.keyName === e.target.value);
              onChange(chosen ? { ...value, name: chosen.keyName, type: chosen.keyType === 'rsa' ? 'rsa' : 'ed25519' } : { ...value, name: newName });
            }}
            data-testid="key-source"
          >
            <option value="">{t('form.keyNew')}</option>
            {reusable.map((k) => (
              <option key={k.keyName} value={k.keyName}>
                {t('form.keyExisting', { name: k.keyName })}
              </option>
            ))}
          </select>
        </>
      )}
      {reusing ? (
        <p className="muted hint">{t('form.keyReuseNote')}</p>
      ) : (
        <>
          <label htmlFor="key-name">{t('form.keyName')}</label>
          <input id="key-name" value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} />
          <div className="row">
            <label htmlFor="key-type">{t('form.keyType')}</label>
            <select id="key-type" value={value.type} onChange={(e) => onChange({ ...value, type: e.target.value === 'rsa' ? 'rsa' : 'ed25519' })}>
              <option value="ed25519">ED25519</option>
              <option value="rsa">RSA</option>
            </select>
            <label htmlFor="key-format">{t('form.keyFormat')}</label>
            <select id="key-format" value={value.format} onChange={(e) => onChange({ ...value, format: e.target.value === 'ppk' ? 'ppk' : 'pem' })}>
              <option value="pem">PEM</option>
              <option value="ppk">PPK</option>
            </select>
          </div>
          <p className="muted hint">{t('form.keyFormatHelp')}</p>
        </>
      )}
    </fieldset>
  );
}
