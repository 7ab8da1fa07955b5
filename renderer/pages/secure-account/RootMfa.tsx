import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { ErrorBanner } from '../../app/ErrorBanner';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';

export const SECURITY_CREDENTIALS_URL = 'https://console.aws.amazon.com/iam/home#/security_credentials';
type Status = { state: 'enabled' | 'disabled' | 'unknown'; error?: ContractError | undefined };

/** Root MFA: a checklist (the API cannot do it) and the state read with GetAccountSummary. */
export function RootMfa({ accountId }: { accountId: string | undefined }) {
  const { t } = useTranslation('iam');
  const [status, setStatus] = useState<Status>();
  const [error, setError] = useState<ContractError>();
  const [checking, setChecking] = useState(true);
  const load = useCallback(
    () =>
      api.invoke['iam.rootMfaStatus']({}).then((r) => {
        setChecking(false);
        setStatus(r.ok ? r.value : undefined);
        setError(r.ok ? undefined : r.error);
      }),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const refresh = () => {
    setChecking(true);
    void load();
  };

  return (
    <section className="card iam-section" aria-labelledby="root-mfa-title" data-testid="root-mfa">
      <h2 id="root-mfa-title">{t('root.title')}</h2>
      <p>{t('root.intro')}</p>
      <ol className="checklist">
        <li>{t('root.steps.app')}</li>
        <li>
          {t('root.steps.console')}{' '}
          <button type="button" className="link" onClick={() => void api.invoke['app.openExternal']({ url: SECURITY_CREDENTIALS_URL })}>
            {t('root.openConsole')} ↗
          </button>
        </li>
        <li>{t('root.steps.assign')}</li>
        <li>{t('root.steps.name', { account: accountId ?? 'my-account' })}</li>
      </ol>
      <div className="row" role="status" data-testid="root-mfa-state" data-state={status?.state ?? 'checking'}>
        {status?.state === 'enabled' && <strong className="ok">{t('root.enabled')}</strong>}
        {status?.state === 'disabled' && <strong className="warn">{t('root.disabled')}</strong>}
        {status?.state === 'unknown' && (
          <div>
            <strong>{t('root.unknown')}</strong>
            <p className="muted">{t('root.unknownWhy')}</p>
            {status.error && <p className="muted">{errorText(status.error)}</p>}
          </div>
        )}
        {error && <ErrorBanner text={errorText(error)} />}
        <button type="button" disabled={checking} onClick={refresh} data-testid="root-mfa-refresh">
          {t('root.refresh')}
        </button>
      </div>
    </section>
  );
}
