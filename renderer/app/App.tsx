import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../common/contract/result';
import type { PageId } from '../../common/contract/schemas/setup';
import { api } from '../bridge/api';
import { useEvent } from '../bridge/use-contract';
import i18n, { errorText, resolveLanguage } from '../i18n';
import { useJourney, useJourneyFailure } from '../journey/journey-store';
import { PageView } from '../pages/registry';
import { ErrorBanner } from './ErrorBanner';
import { Sidebar } from './Sidebar';
import { useStepKeyboard } from './use-step-keyboard';

type Settings = { language: 'system' | 'ko' | 'en' };

export function App() {
  const { t } = useTranslation();
  const journey = useJourney();
  const loadError = useJourneyFailure();
  const [pageError, setError] = useState<ContractError>();
  const error = pageError ?? (journey ? undefined : loadError);
  const setup = journey?.setup;

  const applySettings = useCallback((s: Settings) => void i18n.changeLanguage(resolveLanguage(s.language)), []);
  useEvent('settings.changed', applySettings);

  // Main names what it makes for the user (vault items) in the language the window shows.
  useEffect(() => {
    const tell = (language: string) => void api.invoke['app.uiLanguage']({ language: language === 'ko' ? 'ko' : 'en' });
    tell(i18n.language);
    i18n.on('languageChanged', tell);
    return () => i18n.off('languageChanged', tell);
  }, []);

  useEffect(() => {
    void api.invoke['settings.get']({}).then((r) => r.ok && applySettings(r.value));
  }, [applySettings]);

  // The page shown is the setup's currentPage: the store shows the new one when main has saved it.
  const goTo = useCallback(async (page: PageId) => {
    const result = await api.invoke['setup.goTo']({ page });
    if (!result.ok) setError(result.error);
  }, []);
  useStepKeyboard(setup?.currentPage, goTo);

  return (
    <div className="app">
      <Sidebar current={setup?.currentPage} steps={journey?.steps ?? []} completed={setup?.completed ?? []} setups={journey?.setups} onSelect={goTo} />
      <main className="content" id="content" tabIndex={-1}>
        {error && <ErrorBanner text={errorText(error)} onDismiss={() => setError(undefined)} />}
        {journey?.notices.map((notice) => (
          <p key={notice.code} className="notice" role="status" data-testid="journey-notice" data-code={notice.code}>
            {t(notice.message.key, notice.message.values)}
          </p>
        ))}
        {journey && setup ? <PageView journey={journey} setup={setup} onNavigate={goTo} onError={setError} /> : !error && <p className="muted">{t('loading')}</p>}
      </main>
    </div>
  );
}
