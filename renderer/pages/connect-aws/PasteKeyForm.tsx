import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { api } from '../../bridge/api';

/** A pasted access key goes straight into the vault; the fields are cleared as soon as it is stored. */
export function PasteKeyForm({ onAdded, onError, onCancel }: { onAdded: (itemId: string) => void; onError: (error: ContractError) => void; onCancel: () => void }) {
  const { t } = useTranslation('aws');
  const [label, setLabel] = useState('');
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secretAccessKey, setSecretAccessKey] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await api.invoke['vault.addAccessKey']({ accessKeyId, secretAccessKey, ...(label.trim() ? { label } : {}) });
    setBusy(false);
    if (!result.ok) return onError(result.error);
    setSecretAccessKey('');
    setAccessKeyId('');
    setLabel('');
    onAdded(result.value.item.id);
  };

  return (
    <form className="card paste-key" onSubmit={(e) => void submit(e)} data-testid="aws-paste-key" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <p className="muted">{t('paste.body')}</p>
      <div className="field">
        <label htmlFor="aws-paste-label">{t('paste.label')}</label>
        <input id="aws-paste-label" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} placeholder={t('paste.labelPlaceholder')} />
      </div>
      <div className="field">
        <label htmlFor="aws-paste-id">{t('paste.accessKeyId')}</label>
        <input id="aws-paste-id" className="mono" value={accessKeyId} autoComplete="off" spellCheck={false} onChange={(e) => setAccessKeyId(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="aws-paste-secret">{t('paste.secretAccessKey')}</label>
        <input id="aws-paste-secret" className="mono" type="password" value={secretAccessKey} autoComplete="off" spellCheck={false} onChange={(e) => setSecretAccessKey(e.target.value)} />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !accessKeyId.trim() || !secretAccessKey.trim()}>
          {t('paste.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  );
}
