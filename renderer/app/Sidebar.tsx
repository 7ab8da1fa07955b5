import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { stepIds } from '../../common/contract/constants';
import type { PageId, StepId } from '../../common/contract/schemas/setup';
import { SiteWatchNotice } from './SiteWatchNotice';
import { useStepStatuses } from '../operations/use-step-statuses';

const toolPages = ['vault', 'settings'] as const;

/** Tiny line icons (no emoji: Linux machines often lack an emoji font). */
function ToolIcon({ page }: { page: (typeof toolPages)[number] }) {
  return page === 'vault' ? (
    <svg viewBox="0 0 16 16" width="13" height="13" fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  ) : (
    <svg viewBox="0 0 16 16" width="13" height="13" fill="none" stroke="currentColor" strokeWidth="1.6">
      <circle cx="8" cy="8" r="2.2" />
      <path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" />
    </svg>
  );
}

interface Props {
  current: PageId | undefined;
  completed: StepId[];
  onSelect: (page: PageId) => void;
}

export function Sidebar({ current, completed, onSelect }: Props) {
  const { t } = useTranslation();
  const statuses = useStepStatuses();
  const item = (page: PageId, badge: ReactNode, done: boolean) => {
    // A step not part of the chosen path: skipped, with the engine's reason as its tooltip.
    const skip = statuses[page as StepId]?.state === 'skipped' ? statuses[page as StepId]?.detail : undefined;
    const finished = done && !skip;
    return (
      <li key={page}>
        <button
          type="button"
          className={`nav-item${current === page ? ' active' : ''}${finished ? ' done' : ''}${skip ? ' skipped' : ''}`}
          aria-current={current === page ? 'step' : undefined}
          data-page={page}
          title={skip ? t(skip.key, skip.values) : undefined}
          onClick={() => onSelect(page)}
        >
          <span className="badge" aria-hidden="true">
            {finished ? '✓' : skip ? '–' : badge}
          </span>
          <span className="label">{t(`steps:${page}.title`)}</span>
          {finished && <span className="sr-only">{t('nav.completed')}</span>}
          {skip && <span className="sr-only">{t('nav.skipped')}</span>}
        </button>
      </li>
    );
  };
  return (
    <nav className="sidebar" aria-label={t('nav.steps')}>
      <div className="brand">
        <img src="./onramp.svg" alt="" width={28} height={28} />
        <div>
          <div className="brand-name">{t('appName')}</div>
          <div className="brand-tagline">{t('tagline')}</div>
        </div>
      </div>
      <h2 className="nav-heading">{t('nav.steps')}</h2>
      <ol className="nav-list">{stepIds.map((step, i) => item(step, String(i + 1), completed.includes(step)))}</ol>
      <SiteWatchNotice onOpen={() => onSelect('done')} />
      <h2 className="nav-heading">{t('nav.tools')}</h2>
      <ul className="nav-list">{toolPages.map((page) => item(page, <ToolIcon page={page} />, false))}</ul>
    </nav>
  );
}
