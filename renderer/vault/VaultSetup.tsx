import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../common/contract/schemas/vault';
import { api } from '../bridge/api';
import { ErrorBanner } from '../app/ErrorBanner';
import { errorText } from '../i18n';
import { NewPassphraseForm } from './NewPassphraseForm';
import type { UseVault } from './use-vault';

/**
 * First run: the vault's key goes into the system keychain, or, as an explicit
 * choice (never a silent fallback), the user protects it with a passphrase.
 */
export function VaultSetup({ vault, status }: { vault: UseVault; status: VaultStatus }) {
  const { t } = useTranslation('vault');
  const [busy, setBusy] = useState(false);
  const [showPassphrase, setShowPassphrase] = useState(false);
  const keychainError = vault.error ?? (status.keychainError ? { code: status.keychainError, message: '', params: { reason: status.keychainReason ?? 'unknown' } } : undefined);

  const chooseKeychain = async () => {
    setBusy(true);
    const result = await api.invoke['vault.initKeychain']({});
    setBusy(false);
    if (!result.ok) vault.setError(result.error);
  };

  return (
    <div className="card vault-setup" data-testid="vault-setup">
      <h2>{t('setup.title')}</h2>
      <p className="muted">{t('setup.body')}</p>
      {keychainError && <ErrorBanner text={errorText(keychainError)} />}
      <div className="choices">
        <div className="choice">
          <button type="button" className={keychainError ? '' : 'primary'} disabled={busy} onClick={() => void chooseKeychain()}>
            {keychainError ? t('setup.retryKeychain') : t('setup.useKeychain')}
          </button>
          <p className="muted">{t('setup.keychainHint')}</p>
        </div>
        <div className="choice">
          <button
            type="button"
            className={keychainError ? 'primary' : 'secondary'}
            aria-expanded={showPassphrase}
            onClick={() => setShowPassphrase((v) => !v)}
          >
            {t('setup.usePassphrase')}
          </button>
          <p className="muted">{t('setup.passphraseHint')}</p>
        </div>
      </div>
      {showPassphrase && <NewPassphraseForm onError={vault.setError} />}
    </div>
  );
}
