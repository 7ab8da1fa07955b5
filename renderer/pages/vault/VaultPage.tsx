import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { ErrorBanner } from '../../app/ErrorBanner';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import type { PageProps } from '../page-props';
import { StepFrame } from '../StepFrame';
import { DamagedItems } from './DamagedItems';
import { ImportPanel } from '../../vault/ImportPanel';
import { ItemTable } from './ItemTable';
import { useImport } from '../../vault/use-import';
import { useItemActions } from './use-item-actions';
import { useVault } from '../../vault/use-vault';
import { VaultGate } from '../../vault/VaultGate';
import '../../vault/vault.css';

/** The vault manager: every stored credential, with import, export, rename, delete and copy. */
export function VaultPage(props: PageProps) {
  const { t } = useTranslation('vault');
  const vault = useVault();
  const [error, setError] = useState<ContractError>();
  const [imported, setImported] = useState<string>();
  const actions = useItemActions(props.journey.derived.servers, setError);
  const importer = useImport(
    (result) => {
      setError(undefined);
      actions.clearNotice();
      setImported(t('notices.imported', { count: result.items.length, fileName: result.fileName }));
    },
    (failure) => {
      setImported(undefined);
      setError(failure);
    },
  );
  const notice = actions.notice ?? (imported ? { text: imported } : undefined);

  return (
    <StepFrame page="vault" {...props}>
      <VaultGate vault={vault}>
        {(view) => (
          <>
            <div className="row vault-mode">
              <span className="muted">{t(`mode.${view.status.mode}`)}</span>
              {view.status.mode === 'passphrase' && (
                <button type="button" className="small secondary" onClick={() => void api.invoke['vault.lock']({})}>
                  {t('unlock.lock')}
                </button>
              )}
            </div>
            {view.status.dataDirMode && (
              <p className="banner banner-warn" role="alert" data-testid="vault-data-dir-open">
                {t('dataDirOpen', { mode: view.status.dataDirMode })}
              </p>
            )}
            <ImportPanel importer={importer} onError={setError} />
            {error && <ErrorBanner text={errorText(error)} onDismiss={() => setError(undefined)} />}
            <div role="status" aria-live="polite" className="vault-notice-slot">
              {notice && (
                <div className="banner banner-ok" data-testid="vault-notice">
                  <span>
                    {notice.text} {notice.code && <code className="wrap">{notice.code}</code>}
                  </span>
                </div>
              )}
            </div>
            <DamagedItems
              damaged={view.damaged}
              onNotice={(shown) => {
                setImported(undefined);
                actions.show(shown);
              }}
              onError={setError}
            />
            <ItemTable
              items={view.items}
              servers={props.journey.derived.servers}
              onAction={(action, item) => {
                setError(undefined);
                setImported(undefined);
                void actions.act(action, item);
              }}
            />
            {actions.dialog}
          </>
        )}
      </VaultGate>
    </StepFrame>
  );
}
