import { useTranslation } from 'react-i18next';
import { stepIds, type PageId, type StepId } from '../../main/contract/schemas/setup';

const toolPages = ['vault', 'settings'] as const;

interface Props {
  current: PageId | undefined;
  completed: StepId[];
  onSelect: (page: PageId) => void;
}

export function Sidebar({ current, completed, onSelect }: Props) {
  const { t } = useTranslation();
  const item = (page: PageId, badge: string, done: boolean) => (
    <li key={page}>
      <button
        type="button"
        className={`nav-item${current === page ? ' active' : ''}${done ? ' done' : ''}`}
        aria-current={current === page ? 'step' : undefined}
        data-page={page}
        onClick={() => onSelect(page)}
      >
        <span className="badge" aria-hidden="true">
          {done ? '✓' : badge}
        </span>
        <span className="label">{t(`steps:${page}.title`)}</span>
        {done && <span className="sr-only">{t('nav.completed')}</span>}
      </button>
    </li>
  );
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
      <h2 className="nav-heading">{t('nav.tools')}</h2>
      <ul className="nav-list">{toolPages.map((page) => item(page, page === 'vault' ? '🔒' : '⚙', false))}</ul>
    </nav>
  );
}
