import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/api';
import { isStepId, stepIds } from '../../common/contract/constants';
import type { PageId } from '../../common/contract/schemas/setup';
import type { PageProps } from './page-props';
import { StepStatusBadge } from '../operations/StepStatusBadge';
import { useStepStatus } from '../operations/use-step-status';
import { useStepStatuses } from '../operations/use-step-statuses';

/**
 * Title, summary, the step's status from its check() and the previous/next
 * controls shared by every page. Only a step not built yet (no check) can be
 * marked done by hand.
 */
export function StepFrame({ page, setup, onNavigate, onError, children, keepWhenSkipped = false }: PageProps & { page: PageId; children: ReactNode; keepWhenSkipped?: boolean }) {
  const { t, i18n } = useTranslation();
  const step = isStepId(page) ? page : undefined;
  const index = step ? stepIds.indexOf(step) : -1;
  const done = step !== undefined && setup.completed.includes(step);
  const stepStatus = useStepStatus(step);
  // Previous and next go past the steps the chosen path skips
  const statuses = useStepStatuses();
  const isSkipped = (id: (typeof stepIds)[number]) => statuses[id]?.state === 'skipped';
  // (the first step, where the path is chosen, stays reachable)
  const previous = stepIds.slice(0, Math.max(index, 0)).findLast((id) => !isSkipped(id)) ?? (index > 0 ? stepIds[0] : undefined);
  const next = index < 0 ? undefined : stepIds.slice(index + 1).find((id) => !isSkipped(id));
  // Not part of the chosen path: main says so (and why); the page's controls are not shown unless the page asks.
  const skipped = stepStatus.status?.state === 'skipped';
  // A built step's controls wait for its first status, so a skipped step never mounts (and never calls AWS) for a moment.
  const decided = !step || stepStatus.error !== undefined || (stepStatus.loaded && (!stepStatus.built || stepStatus.status !== undefined));
  const ownServer = setup.choices.path === 'own-server';
  const summaryKey = ownServer && i18n.exists(`steps:${page}.summaryOwnServer`) ? `steps:${page}.summaryOwnServer` : `steps:${page}.summary`;
  const toggleDone = async () => {
    if (!step) return;
    const r = await api.invoke['setup.markStep']({ step, done: !done });
    if (!r.ok) onError(r.error);
  };
  return (
    <section className="page" aria-labelledby="page-title" data-testid={`page-${page}`}>
      <header className="page-header">
        {index >= 0 && <div className="eyebrow">{t('nav.stepNumber', { n: index + 1 })}</div>}
        <h1 id="page-title">{t(`steps:${page}.title`)}</h1>
        <p className="summary">{t(summaryKey)}</p>
        {stepStatus.built && <StepStatusBadge status={stepStatus.status} error={stepStatus.error} onRecheck={() => void stepStatus.recheck()} />}
      </header>
      <div className="page-body">
        {skipped && !keepWhenSkipped && (
          <div className="notice" role="note" data-testid="step-skipped">
            <span>{t('setup:path.skippedHere')}</span>{' '}
            <button type="button" className="link" onClick={() => onNavigate('settings')}>
              {t('setup:path.switchInSettings')}
            </button>
          </div>
        )}
        {decided && (!skipped || keepWhenSkipped) && children}
      </div>
      {index >= 0 && (
        <footer className="page-footer">
          <button type="button" disabled={!previous} onClick={() => previous && onNavigate(previous)}>
            ← {t('nav.previous')}
          </button>
          {stepStatus.loaded && !stepStatus.built && (
            <button type="button" className="secondary" onClick={() => void toggleDone()}>
              {done ? t('actions.markNotDone') : t('actions.markDone')}
            </button>
          )}
          <button type="button" className="primary" disabled={!next} onClick={() => next && onNavigate(next)}>
            {t('nav.next')} →
          </button>
        </footer>
      )}
    </section>
  );
}
