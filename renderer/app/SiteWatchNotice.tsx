/**
 * The certificate and site watch's warning in the sidebar: shown only when
 * main's verdict (server.watch / server.watchChanged) is 'warn'; it opens
 * Done, where the reasons and a Re-check are.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteWatchState } from '../../common/contract/schemas/server';
import { api } from '../bridge/api';
import { useEvent, useLive } from '../bridge/use-contract';

export function SiteWatchNotice({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation('server');
  const [state, setState] = useLive<SiteWatchState>(() => api.invoke['server.watch']({}));
  useEvent('server.watchChanged', useCallback((next: SiteWatchState) => setState(next), [setState]));
  const report = state?.report;
  if (report?.verdict !== 'warn') return null;
  const first = report.reasons[0];
  return (
    <button type="button" className="nav-item site-watch-warn" role="status" data-testid="site-watch-warn" onClick={onOpen} title={first ? t(first.key, first.values) : undefined}>
      <span className="badge" aria-hidden="true">
        !
      </span>
      <span className="label">{t('watch.sidebarWarn', { domain: report.domain })}</span>
    </button>
  );
}
