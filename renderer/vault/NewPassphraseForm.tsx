import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../common/contract/result';
import { api } from '../bridge/api';

const MIN_LENGTH = 8;

/** Creates a passphrase-protected vault. The passphrase goes to main once and is never stored. */
export function NewPassphraseForm({ onError }: { onError: (error: ContractError) => void }) {
  const { t } = useTranslation('vault');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const mismatch = repeat.length > 0 && repeat !== passphrase;
  const tooShort = passphrase.length > 0 && passphrase.length < MIN_LENGTH;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch || passphrase.length < MIN_LENGTH) return;
    setBusy(true);
    const result = await api.invoke['vault.initPassphrase']({ passphrase });
    setBusy(false);
    if (!result.ok) return onError(result.error);
    setPassphrase('');
    setRepeat('');
  };

  return (
    <form className="passphrase-form" onSubmit={(e) => void submit(e)} data-testid="vault-new-passphrase">
      <div className="field">
        <label htmlFor="vault-new-passphrase">{t('setup.passphrase')}</label>
        <input
          id="vault-new-passphrase"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          aria-invalid={tooShort || undefined}
          aria-describedby="vault-passphrase-rules"
        />
        <p id="vault-passphrase-rules" className="muted">
          {t('setup.passphraseRules', { min: MIN_LENGTH })}
        </p>
      </div>
      <div className="field">
        <label htmlFor="vault-repeat-passphrase">{t('setup.repeatPassphrase')}</label>
        <input
          id="vault-repeat-passphrase"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          aria-invalid={mismatch || undefined}
        />
        {mismatch && <p className="field-error">{t('setup.mismatch')}</p>}
      </div>
      <button type="submit" className="primary" disabled={busy || mismatch || passphrase.length < MIN_LENGTH || repeat !== passphrase}>
        {t('setup.createWithPassphrase')}
      </button>
    </form>
  );
}
