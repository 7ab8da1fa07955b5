import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import { Dialog } from '../../app/Dialog';
import '../../app/dialog.css';
import '../../vault/vault.css'; // .row and the other shared layout rules
import type { ServerRef } from './servers';

type Outcome = { kind: 'copied'; command: string; exportedTo?: string } | { kind: 'exported'; path: string } | { kind: 'error'; error: ContractError };

/**
 * "Copy ssh command" (`ssh.copyCommand`, which knows the server's user and port)
 * and "Export key for another terminal" (`vault.export`, the vault's one export
 * path), for the user's own terminal app, after `children` (Open terminal). The
 * command names the key file, so copying before any export offers the export
 * in the same step: a dialog, the save dialog, then the copy.
 */
export function KeyActions({ target, keyId, children }: { target: ServerRef; keyId: string | undefined; children?: ReactNode }) {
  const { t } = useTranslation('ssh');
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const [offerExport, setOfferExport] = useState(false);
  const run = async (action: () => Promise<Outcome | undefined>) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome(await action());
    } finally {
      setBusy(false);
    }
  };
  const copyCommand = async (): Promise<Outcome> => {
    const r = await api.invoke['ssh.copyCommand']({ target });
    return r.ok ? { kind: 'copied', command: r.value.command } : { kind: 'error', error: r.error };
  };
  /** undefined: the user cancelled the save dialog. */
  const saveKey = async (): Promise<Outcome | undefined> => {
    if (!keyId) return undefined;
    const r = await api.invoke['vault.export']({ id: keyId, title: t('connect.exportTitle') });
    if (!r.ok) return { kind: 'error', error: r.error };
    return r.value.status === 'saved' ? { kind: 'exported', path: r.value.path } : undefined;
  };
  const copy = () =>
    run(async () => {
      const copied = await copyCommand();
      if (copied.kind === 'error' && copied.error.code === 'ssh.keyNotExported') {
        setOfferExport(true);
        return undefined;
      }
      return copied;
    });
  const exportThenCopy = () =>
    run(async () => {
      const saved = await saveKey();
      setOfferExport(false);
      if (saved?.kind !== 'exported') return saved;
      const copied = await copyCommand();
      return copied.kind === 'copied' ? { ...copied, exportedTo: saved.path } : copied;
    });
  return (
    <div className="key-actions" data-testid="key-actions">
      <div className="button-row">
        {children}
        <button type="button" disabled={busy} onClick={() => void copy()}>
          {t('connect.copyCommand')}
        </button>
        <button type="button" disabled={busy || !keyId} onClick={() => void run(saveKey)}>
          {t('connect.exportKey')}
        </button>
      </div>
      <p className="hint muted">{t('connect.keyHint')}</p>
      <div aria-live="polite">
        {outcome?.kind === 'copied' && outcome.exportedTo && <p className="status-ok">{t('connect.exported', { path: outcome.exportedTo })}</p>}
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
      {offerExport && (
        <Dialog
          title={t('connect.exportFirstTitle')}
          submitLabel={t('connect.exportAndCopy')}
          busy={busy}
          focusSubmit
          testId="export-first-dialog"
          onSubmit={() => void exportThenCopy()}
          onClose={() => setOfferExport(false)}
        >
          <p>{t('connect.exportFirstBody')}</p>
          <p className="muted">{t('connect.exportFirstSafety')}</p>
        </Dialog>
      )}
    </div>
  );
}
