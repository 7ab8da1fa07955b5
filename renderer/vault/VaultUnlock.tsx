import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../common/contract/schemas/vault';
import { ErrorBanner } from '../app/ErrorBanner';
import { api } from '../bridge/api';
import { errorText } from '../i18n';
import { Dialog } from '../app/Dialog';
import type { UseVault } from './use-vault';

/** A locked vault: a passphrase form, or (keychain mode) why the keychain did not open it, with retry and reset. */
export function VaultUnlock({ vault, status }: { vault: UseVault; status: VaultStatus }) {
  const { t } = useTranslation('vault');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);

  const unlock = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    const result = await api.invoke['vault.unlock'](status.mode === 'passphrase' ? { passphrase } : {});
    setBusy(false);
    if (!result.ok) return vault.setError(result.error);
    setPassphrase('');
    await vault.refresh();
  };
  const reset = async () => {
    setConfirmReset(false);
    const result = await api.invoke['vault.reset']({});
    if (!result.ok) return vault.setError(result.error);
    vault.setError(undefined);
    await vault.refresh();
  };

  return (
    <div className="card vault-unlock" data-testid="vault-locked">
      <h2>{t('unlock.title')}</h2>
      {vault.error && <ErrorBanner text={errorText(vault.error)} />}
      {status.mode === 'passphrase' ? (
        <form className="passphrase-form" onSubmit={(e) => void unlock(e)}>
          <div className="field">
            <label htmlFor="vault-unlock-passphrase">{t('unlock.passphrase')}</label>
            <input id="vault-unlock-passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </div>
          <button type="submit" className="primary" disabled={busy || passphrase.length === 0}>
            {t('unlock.submit')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('unlock.keychainBody')}</p>
      )}
      <div className="row">
        {status.mode === 'keychain' && (
          <button type="button" className="primary" disabled={busy} onClick={() => void unlock()}>
            {t('unlock.retry')}
          </button>
        )}
        <button type="button" className="danger" onClick={() => setConfirmReset(true)}>
          {t('reset.button')}
        </button>
      </div>
      {confirmReset && (
        <Dialog title={t('reset.title')} submitLabel={t('reset.confirm')} danger onSubmit={() => void reset()} onClose={() => setConfirmReset(false)} testId="vault-reset-dialog">
          <p>{t('reset.body')}</p>
        </Dialog>
      )}
    </div>
  );
}
