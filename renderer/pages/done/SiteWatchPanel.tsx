/**
 * The certificate and site watch on Done: main's verdict (main/server/site-watch.ts)
 * with its reasons, when it last looked, and a Re-check. Self-contained: it
 * loads `server.watch`, follows `server.watchChanged`, and asks
 * `server.watchRecheck`; it decides nothing itself.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteWatchState } from '../../../common/contract/schemas/server';
import { api } from '../../bridge/api';
import { useEvent, useLive } from '../../bridge/use-contract';

export function SiteWatchPanel() {
  const { t, i18n } = useTranslation('server');
  const [state, setState] = useLive<SiteWatchState>(() => api.invoke['server.watch']({}));
  const [asking, setAsking] = useState(false);
  useEvent('server.watchChanged', useCallback((next: SiteWatchState) => setState(next), [setState]));
  const running = asking || state?.running === true;
  const report = state?.report ?? null;
  const recheck = () => {
    setAsking(true);
    void api.invoke['server.watchRecheck']({}).then((result) => {
      if (result.ok) setState(result.value);
      setAsking(false);
    });
  };
  return (
    <section className="card" aria-labelledby="site-watch-title" data-testid="site-watch" data-verdict={report?.verdict ?? 'none'}>
      <h2 id="site-watch-title">{t('watch.title')}</h2>
      <p className="muted">{t('watch.intro')}</p>
      {!report && !running && <p>{t('watch.none')}</p>}
      {report && (
        <>
          <p className={report.verdict === 'ok' ? 'status-ok' : 'notice'} role="status">
            <strong>{t(report.verdict === 'ok' ? 'watch.statusOk' : 'watch.statusWarn')}</strong>
          </p>
          <ul>
            {report.reasons.map((reason, index) => (
              <li key={index}>{t(reason.key, reason.values)}</li>
            ))}
          </ul>
          <p className="muted">{t('watch.checkedAt', { time: new Date(report.checkedAt).toLocaleString(i18n.language) })}</p>
        </>
      )}
      <button type="button" onClick={recheck} disabled={running} data-testid="site-watch-recheck">
        {running ? t('watch.checking') : t('watch.recheck')}
      </button>
    </section>
  );
}
