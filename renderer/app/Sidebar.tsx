import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { stepIds } from '../../common/contract/constants';
import type { StepStatus } from '../../common/contract/schemas/operations';
import type { PageId, StepId } from '../../common/contract/schemas/setup';
import type { SetupsView } from '../../common/contract/schemas/setups';
import { setupLabel } from './SetupsCard';
import { SiteWatchNotice } from './SiteWatchNotice';
import { stepMarkedDone } from './step-mark';

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
  /** The journey model's step statuses: a built step's mark is its status, the same the page's badge shows. */
  steps: readonly StepStatus[];
  /** The cached marks (setup.json), for a step not built or not checked yet in this run. */
  completed: StepId[];
  /** Every setup and the active one (the journey model's). */
  setups: SetupsView | undefined;
  onSelect: (page: PageId) => void;
}

export function Sidebar({ current, steps, completed, setups, onSelect }: Props) {
  const { t } = useTranslation();
  const item = (page: PageId, badge: ReactNode, done: boolean) => {
    // A step not part of the chosen path: skipped, with the engine's reason as its tooltip.
    const status = steps.find((s) => s.step === page);
    const skip = status?.state === 'skipped' ? status.detail : undefined;
    const finished = done && !skip;
    return (
      <li key={page}>
        <button
          type="button"
          className={`nav-item${current === page ? ' active' : ''}${finished ? ' done' : ''}${skip ? ' skipped' : ''}`}
          aria-current={current === page ? 'step' : undefined}
          data-page={page}
          data-done={finished ? 'true' : 'false'}
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
      {setups && (
        <button type="button" className="link active-setup" data-testid="active-setup" onClick={() => onSelect('settings')}>
          {t('setups:activeLabel', { name: setupLabel(setups, setups.active, t) })}
        </button>
      )}
      <h2 className="nav-heading">{t('nav.steps')}</h2>
      <ol className="nav-list">{stepIds.map((step, i) => item(step, String(i + 1), stepMarkedDone(step, steps, completed)))}</ol>
      <SiteWatchNotice onOpen={() => onSelect('done')} />
      <h2 className="nav-heading">{t('nav.tools')}</h2>
      <ul className="nav-list">{toolPages.map((page) => item(page, <ToolIcon page={page} />, false))}</ul>
    </nav>
  );
}
