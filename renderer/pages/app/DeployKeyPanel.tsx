/**
 * A private repository's deploy key: made in main (into the vault) on the
 * first ask; the page shows only the public half, with a copy button, the
 * place it goes on GitHub or GitLab and a link to that settings page.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { CopyButton } from '../../app/CopyButton';
import { api } from '../../bridge/api';
import { CodeText } from '../../app/CodeText';
import { errorText } from '../../i18n';

interface KeyView {
  publicKey?: string;
  fingerprint?: string;
  place?: { where: 'github' | 'gitlab' | 'other'; settingsUrl?: string };
}

export function DeployKeyPanel({ url, disabled }: { url: string; disabled: boolean }) {
  const { t } = useTranslation('app');
  const [key, setKey] = useState<KeyView>();
  const [error, setError] = useState<ContractError>();
  const [busy, setBusy] = useState(false);
  const [notOpened, setNotOpened] = useState(false);

  const make = async () => {
    setBusy(true);
    setError(undefined);
    const r = await api.invoke['deploy.deployKey']({ url: url.trim() });
    setBusy(false);
    if (r.ok) setKey(r.value);
    else setError(r.error);
  };
  const open = async (settingsUrl: string) => {
    const r = await api.invoke['app.openExternal']({ url: settingsUrl });
    setNotOpened(!r.ok || !r.value.opened);
  };

  return (
    <div className="app-deploy-key" data-testid="deploy-key">
      <p className="muted">{t('page.deployKey.intro')}</p>
      <div className="button-row">
        <button type="button" disabled={disabled || busy} onClick={() => void make()} data-testid="make-deploy-key">
          {t('page.deployKey.make')}
        </button>
      </div>
      {error && (
        <p className="status-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {key?.publicKey && (
        <>
          <label htmlFor="app-public-key">{t('page.deployKey.publicKey')}</label>
          <textarea id="app-public-key" className="config-preview app-public-key" readOnly value={key.publicKey} rows={3} spellCheck={false} data-testid="deploy-key-public" />
          <div className="button-row">
            <CopyButton value={key.publicKey} label={t('page.deployKey.publicKey')} />
            {key.place?.settingsUrl && (
              <button type="button" className="link" onClick={() => void open(key.place?.settingsUrl ?? '')} data-testid="deploy-key-open">
                {t('page.deployKey.open')} ↗
              </button>
            )}
          </div>
          {key.fingerprint && <p className="muted mono">{t('page.deployKey.fingerprint', { fingerprint: key.fingerprint })}</p>}
          {key.place && (
            <p data-testid="deploy-key-where">
              <CodeText text={t(`deployKey.${key.place.where}`)} />
            </p>
          )}
          {notOpened && key.place?.settingsUrl && (
            <p className="notice">
              {t('page.deployKey.notOpened')} <code>{key.place.settingsUrl}</code> <CopyButton value={key.place.settingsUrl} />
            </p>
          )}
        </>
      )}
    </div>
  );
}
