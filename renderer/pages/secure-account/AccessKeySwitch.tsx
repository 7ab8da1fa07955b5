import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../app/ErrorBanner';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import { OperationProgress } from '../../operations/OperationProgress';
import { useOperation } from '../../operations/use-operation';
import { SECURITY_CREDENTIALS_URL } from './RootMfa';

/** The IAM user's own access key, the switch to it (proved with STS) and the root key's end. */
export function AccessKeySwitch({ userName, connectedAsRoot }: { userName: string | undefined; connectedAsRoot: boolean }) {
  const { t } = useTranslation('iam');
  const op = useOperation('secure-account.createAccessKey');
  const [deleteRootKey, setDeleteRootKey] = useState(true);
  const result = op.running ? undefined : op.result;

  return (
    <section className="card iam-section" aria-labelledby="iam-key-title" data-testid="iam-key">
      <h2 id="iam-key-title">{t('key.title')}</h2>
      {!userName ? (
        <p className="muted">{t('key.needUser')}</p>
      ) : (
        <>
          <p>{t('key.intro')}</p>
          {connectedAsRoot && (
            <label className="choice">
              <input type="checkbox" checked={deleteRootKey} onChange={(e) => setDeleteRootKey(e.target.checked)} data-testid="iam-delete-root-key" /> {t('key.deleteRoot')}
            </label>
          )}
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={op.running}
              onClick={() => void op.start({ deleteRootKey: connectedAsRoot && deleteRootKey })}
              data-testid="iam-create-key"
            >
              {t('key.create')}
            </button>
          </div>
        </>
      )}
      <OperationProgress snapshot={op.snapshot} onCancel={() => void op.cancel()} />
      {op.error && !op.running && <ErrorBanner text={errorText(op.error)} />}
      {result && (
        <div className="iam-outcome" role="status" data-testid="iam-key-result">
          <p className="ok">{t('key.switched', { arn: result.arn })}</p>
          {result.rootKey === 'deleted' ? (
            <p>{t('key.rootDeleted')}</p>
          ) : (
            <p>
              {t('key.rootKept')}{' '}
              <button type="button" className="link" onClick={() => void api.invoke['app.openExternal']({ url: SECURITY_CREDENTIALS_URL })}>
                {t('root.openConsole')} ↗
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
