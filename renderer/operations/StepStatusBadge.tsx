/**
 * What the step's check() last found: "Checked just now: done", "Not done:
 * <reason>", "Checking…", "Couldn't check: <error>", with a Re-check button,
 * and a note when a run of this step was interrupted by a restart.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../common/contract/result';
import type { StepStatus } from '../../common/contract/schemas/operations';
import { CodeText } from '../app/CodeText';
import { errorText } from '../i18n';
import './operations.css';

function useMinutesSince(time: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return time === undefined ? 0 : Math.max(0, Math.floor((now - time) / 60_000));
}

export function StepStatusBadge({ status, error, onRecheck }: { status: StepStatus | undefined; error: ContractError | undefined; onRecheck: () => void }) {
  const { t } = useTranslation('setup');
  const minutes = useMinutesSince(status?.checkedAt);
  const when = minutes === 0 ? t('status.justNow') : t('status.minutesAgo', { count: minutes });
  const state = status?.state ?? 'unknown';
  const reason = status?.detail ? t(status.detail.key, status.detail.values) : '';
  let text: string;
  if (error) text = t('status.error', { error: errorText(error) });
  else if (state === 'done') text = t('status.done', { when, detail: reason });
  else if (state === 'not-done') text = reason ? t('status.notDone', { when, reason }) : t('status.notDoneNoReason', { when });
  else if (state === 'skipped') text = t('status.skipped', { reason });
  else if (state === 'checking') text = t('status.checking');
  else if (state === 'error' && status?.error) text = t('status.error', { error: errorText(status.error) });
  else text = t('status.unknown');
  return (
    <div className="step-status" data-testid="step-status" data-state={error ? 'error' : state}>
      <span className="step-status-badge" role="status" data-state={error ? 'error' : state}>
        <CodeText text={text} />
      </span>
      {state !== 'skipped' && (
        <button type="button" className="link" disabled={state === 'checking'} onClick={onRecheck}>
          {t('status.recheck')}
        </button>
      )}
      {status?.interrupted && (
        <p className="step-status-interrupted" role="note" data-testid="step-interrupted">
          {status.interrupted.phase ? t('status.interruptedAt', { phase: t(status.interrupted.phase) }) : t('status.interrupted')}
        </p>
      )}
    </div>
  );
}
