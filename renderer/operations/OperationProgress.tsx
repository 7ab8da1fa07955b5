/**
 * The one progress component for every operation: a bar (indeterminate when
 * the fraction is unknown), the translated phase and message, the elapsed time
 * (mm:ss, ticking), a Cancel button while it runs, and how it ended.
 */
import { useTranslation } from 'react-i18next';
import type { OpSnapshot } from '../../common/contract/schemas/operations';
import { errorText } from '../i18n';
import { formatElapsed, useElapsedSeconds } from './use-elapsed';
import './operations.css';

export function OperationProgress({ snapshot, onCancel }: { snapshot: OpSnapshot | undefined; onCancel?: () => void }) {
  if (!snapshot) return null;
  return <ProgressCard key={snapshot.progress.opId} snapshot={snapshot} onCancel={onCancel} />;
}

function ProgressCard({ snapshot, onCancel }: { snapshot: OpSnapshot; onCancel: (() => void) | undefined }) {
  const { t } = useTranslation('op');
  const { progress, finished } = snapshot;
  const seconds = useElapsedSeconds(progress.startedAt, finished?.finishedAt);
  const outcome = finished?.outcome;
  const fraction = outcome?.status === 'succeeded' ? 1 : progress.fraction;
  const phase = t(progress.phase);
  const state = outcome?.status ?? 'running';
  // A finished card does not keep its running title: it says how it ended, and where, when it stopped early.
  const heading = !outcome ? phase : outcome.status === 'succeeded' ? t('ended.succeeded') : t(`ended.${outcome.status}`, { phase });
  return (
    <div className={`op-progress op-${state}`} data-testid="op-progress" data-state={state}>
      <div className="op-heading">
        <span className="op-phase">{heading}</span>
        <span className="op-elapsed" title={t('elapsed')}>
          <span className="sr-only">{t('elapsed')} </span>
          <time>{formatElapsed(seconds)}</time>
        </span>
      </div>
      <div
        className={`op-bar${fraction === null ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label={phase}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
        aria-valuetext={fraction === null ? t('indeterminate') : undefined}
      >
        <div className="op-bar-fill" style={fraction === null ? undefined : { width: `${Math.round(fraction * 100)}%` }} />
      </div>
      {progress.message && !outcome && <p className="op-message">{t(progress.message.key, progress.message.values)}</p>}
      <div role="status" className="op-outcome">
        {outcome?.status === 'cancelled' && t('outcome.cancelled')}
        {outcome?.status === 'failed' && t('outcome.failed', { error: errorText(outcome.error) })}
      </div>
      {!outcome && onCancel && (
        <button type="button" className="op-cancel" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      )}
    </div>
  );
}
