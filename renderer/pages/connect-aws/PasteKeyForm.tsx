import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { api } from '../../bridge/api';
import { fieldOfVaultError, pastedKeyProblems, type PastedKeyField, type PastedKeyProblem } from './access-key-format';

type FieldProblems = Partial<Record<PastedKeyField, PastedKeyProblem>>;

/**
 * A pasted access key goes straight into the vault; the fields are cleared as
 * soon as it is stored. A key that does not look like one is explained at its
 * field (aria-invalid, aria-describedby), before anything is sent.
 */
export function PasteKeyForm({ onAdded, onError, onCancel }: { onAdded: (itemId: string) => void; onError: (error: ContractError) => void; onCancel: () => void }) {
  const { t } = useTranslation('aws');
  const [label, setLabel] = useState('');
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secretAccessKey, setSecretAccessKey] = useState('');
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const idField = useRef<HTMLInputElement>(null);
  const secretField = useRef<HTMLInputElement>(null);

  const showProblems = (found: FieldProblems) => {
    setProblems(found);
    (found.accessKeyId ? idField : secretField).current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = pastedKeyProblems(accessKeyId, secretAccessKey);
    if (found.accessKeyId || found.secretAccessKey) return showProblems(found);
    setProblems({});
    setBusy(true);
    const result = await api.invoke['vault.addAccessKey']({ accessKeyId: accessKeyId.trim(), secretAccessKey: secretAccessKey.trim(), ...(label.trim() ? { label } : {}) });
    setBusy(false);
    if (!result.ok) {
      const field = result.error.code === 'vault.invalidItem' ? fieldOfVaultError(result.error.params) : undefined;
      if (field) return showProblems({ [field]: field === 'accessKeyId' ? 'accessKeyIdFormat' : 'secretAccessKeyFormat' });
      return onError(result.error);
    }
    setSecretAccessKey('');
    setAccessKeyId('');
    setLabel('');
    onAdded(result.value.item.id);
  };

  const invalid = (field: PastedKeyField) => (problems[field] ? { 'aria-invalid': true, 'aria-describedby': `aws-paste-${field}-error` } : {});

  return (
    <form className="card paste-key" onSubmit={(e) => void submit(e)} data-testid="aws-paste-key" onKeyDown={(e) => e.key === 'Escape' && onCancel()} noValidate>
      <p className="muted">{t('paste.body')}</p>
      <div className="field">
        <label htmlFor="aws-paste-label">{t('paste.label')}</label>
        <input id="aws-paste-label" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} placeholder={t('paste.labelPlaceholder')} />
      </div>
      <div className="field">
        <label htmlFor="aws-paste-id">{t('paste.accessKeyId')}</label>
        <input
          id="aws-paste-id"
          ref={idField}
          className="mono"
          value={accessKeyId}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setAccessKeyId(e.target.value);
            setProblems((current) => ({ ...current, accessKeyId: undefined }));
          }}
          {...invalid('accessKeyId')}
        />
        {problems.accessKeyId && (
          <p id="aws-paste-accessKeyId-error" className="field-error" data-testid="aws-paste-id-error">
            {t(`paste.problems.${problems.accessKeyId}`)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="aws-paste-secret">{t('paste.secretAccessKey')}</label>
        <input
          id="aws-paste-secret"
          ref={secretField}
          className="mono"
          type="password"
          value={secretAccessKey}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setSecretAccessKey(e.target.value);
            setProblems((current) => ({ ...current, secretAccessKey: undefined }));
          }}
          {...invalid('secretAccessKey')}
        />
        {problems.secretAccessKey && (
          <p id="aws-paste-secretAccessKey-error" className="field-error" data-testid="aws-paste-secret-error">
            {t(`paste.problems.${problems.secretAccessKey}`)}
          </p>
        )}
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
