import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import { Dialog } from '../../app/Dialog';

/**
 * A changed host key blocks the connection. The full explanation names both
 * fingerprints; there is no "connect anyway". The only way on is to remove the
 * saved key (after a confirmation), and then to accept the new one explicitly
 * on the next connect.
 */
export function HostKeyMismatch({ error, server, onRetry }: {
  error: ContractError;
  server: { host: string; port: number } | undefined;
  onRetry: () => void;
}) {
  const { t } = useTranslation('ssh');
  const [confirming, setConfirming] = useState(false);
  const [forgotten, setForgotten] = useState(false);
  const [failure, setFailure] = useState<ContractError>();
  const host = server ? (server.port === 22 ? server.host : `${server.host}:${server.port}`) : '';
  const forget = async () => {
    if (!server) return;
    const r = await api.invoke['ssh.forgetHost']({ host: server.host, port: server.port });
    setConfirming(false);
    if (r.ok) setForgotten(true);
    else setFailure(r.error);
  };
  return (
    <div className="banner banner-error mismatch" role="alert" data-testid="host-key-mismatch">
      <div>
        <strong>{t('mismatch.title')}</strong>
        <p>{errorText(error)}</p>
        {forgotten && <p>{t('mismatch.forgotten')}</p>}
        {failure && <p>{errorText(failure)}</p>}
      </div>
      <div className="banner-actions">
        {forgotten ? (
          <button type="button" onClick={onRetry}>
            {t('terminal.tryAgain')}
          </button>
        ) : (
          server && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('mismatch.forget')}
            </button>
          )
        )}
      </div>
      {confirming && (
        <Dialog title={t('mismatch.confirmTitle', { host })} submitLabel={t('mismatch.confirm')} danger onSubmit={() => void forget()} onClose={() => setConfirming(false)}>
          <p>{t('mismatch.confirmBody')}</p>
        </Dialog>
      )}
    </div>
  );
}
