/** Undo on the App page: "Remove the app" (after a confirm dialog) runs `app.remove`: what the step made on the server goes. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../app/Dialog';
import { OperationError } from '../../operations/OperationError';
import { OperationProgress } from '../../operations/OperationProgress';
import type { OperationState } from '../../operations/use-operation';

export function RemoveSection({ made, op, busy, sessionId }: { made: { unit: string; baseDir: string } | undefined; op: OperationState<'app.remove'>; busy: boolean; sessionId: string | undefined }) {
  const { t } = useTranslation('app');
  const [confirming, setConfirming] = useState(false);
  if (!made && !op.snapshot) return null;
  return (
    <section className="card" aria-labelledby="app-remove-title" data-testid="app-remove">
      <h2 id="app-remove-title">{t('page.remove.title')}</h2>
      <p className="muted">{t('page.remove.intro')}</p>
      {made && (
        <button type="button" className="danger" disabled={busy || !sessionId} onClick={() => setConfirming(true)} data-testid="app-remove-button">
          {t('page.remove.button')}
        </button>
      )}
      {confirming && made && (
        <Dialog
          title={t('page.remove.confirmTitle')}
          submitLabel={t('page.remove.button')}
          danger
          focusSubmit
          testId="app-remove-confirm"
          onClose={() => setConfirming(false)}
          onSubmit={() => {
            setConfirming(false);
            if (sessionId) void op.start({ sessionId });
          }}
        >
          <p>{t('page.remove.confirm', { unit: made.unit, dir: made.baseDir })}</p>
        </Dialog>
      )}
      <OperationProgress snapshot={op.snapshot} onCancel={() => void op.cancel()} />
      <OperationError op={op} />
      {op.result && !op.running && (
        <p className="status-ok" role="status" data-testid="app-removed">
          {t(op.result.removed ? 'page.remove.removed' : 'page.remove.nothing')}
        </p>
      )}
    </section>
  );
}
