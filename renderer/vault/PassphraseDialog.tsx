import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../app/Dialog';

/** Asks for the passphrase of an encrypted key being imported. */
export function PassphraseDialog({ fileName, wrong, busy, onSubmit, onClose }: { fileName: string; wrong: boolean; busy: boolean; onSubmit: (passphrase: string) => void; onClose: () => void }) {
  const { t } = useTranslation('vault');
  const [passphrase, setPassphrase] = useState('');
  return (
    <Dialog
      title={t('import.passphraseTitle', { fileName })}
      submitLabel={t('import.passphraseSubmit')}
      submitDisabled={passphrase.length === 0}
      busy={busy}
      onSubmit={() => onSubmit(passphrase)}
      onClose={onClose}
      testId="vault-passphrase-dialog"
    >
      <p>{t('errors.keyNeedsPassphrase')}</p>
      {wrong && (
        <p className="field-error" role="alert">
          {t('errors.keyWrongPassphrase')}
        </p>
      )}
      <div className="field">
        <label htmlFor="vault-key-passphrase">{t('import.passphraseLabel')}</label>
        <input id="vault-key-passphrase" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </div>
    </Dialog>
  );
}
