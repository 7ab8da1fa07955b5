import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import type { ServerRef } from './servers';

type Outcome = { kind: 'copied'; command: string } | { kind: 'exported'; path: string } | { kind: 'error'; error: ContractError };

/**
 * "Copy ssh command" (`ssh.copyCommand`, which knows the server's user and port) and "Export key for another
 * terminal" (`vault.export`, the vault's one export path), for the user's own terminal app, after `children` (Open terminal).
 */
export function KeyActions({ target, keyId, children }: { target: ServerRef; keyId: string | undefined; children?: ReactNode }) {
  const { t } = useTranslation('ssh');
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<Outcome | undefined>) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome(await action());
    } finally {
      setBusy(false);
    }
  };
  const copy = () =>
    run(async () => {
      const r = await api.invoke['ssh.copyCommand']({ target });
      return r.ok ? { kind: 'copied', command: r.value.command } : { kind: 'error', error: r.error };
    });
  const exportKey = () =>
    run(async () => {
      if (!keyId) return undefined;
      const r = await api.invoke['vault.export']({ id: keyId, title: t('connect.exportTitle') });
      if (!r.ok) return { kind: 'error', error: r.error };
      return r.value.status === 'saved' ? { kind: 'exported', path: r.value.path } : undefined;
    });
  return (
    <div className="key-actions" data-testid="key-actions">
      <div className="button-row">
        {children}
        <button type="button" disabled={busy} onClick={() => void copy()}>
          {t('connect.copyCommand')}
        </button>
        <button type="button" disabled={busy || !keyId} onClick={() => void exportKey()}>
          {t('connect.exportKey')}
        </button>
      </div>
      <p className="hint muted">{t('connect.keyHint')}</p>
      <div aria-live="polite">
        {outcome?.kind === 'copied' && (
          <p className="status-ok">
            {t('connect.copied')} 
            <code>{outcome.command}</code>
          </p>
        )}
        {outcome?.kind === 'exported' && <p className="status-ok">{t('connect.exported', { path: outcome.path })}</p>}
        {outcome?.kind === 'error' && (
          <p className="status-error" role="alert">
            {errorText(outcome.error)}
          </p>
        )}
      </div>
    </div>
  );
}
