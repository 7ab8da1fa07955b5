/** Done, both paths: the app the App step deployed, as the server says now (service state and running release, `deploy.status`). */
import { useTranslation } from 'react-i18next';
import '../../i18n/page-strings'; // this page's own strings (locales/*/app-page.json)
import type { SetupState } from '../../../common/contract/schemas/setup';
import { api } from '../../bridge/api';
import { useLoad } from '../../bridge/use-load';
import { errorText } from '../../i18n';

export function AppOnServer({ setup }: { setup: SetupState }) {
  const { t } = useTranslation('app');
  const app = setup.choices.app;
  const loaded = useLoad(() => (app ? api.invoke['deploy.status']({}) : Promise.resolve({ ok: true as const, value: undefined })), `done-app:${JSON.stringify(app ?? null)}`);
  if (!app) return null;
  const status = loaded.value;
  const state = status ? t(`page.status.states.${status.state}`) : t('page.status.reading');
  return (
    <div className="done-app" data-testid="done-app" data-state={status?.state ?? 'unknown'}>
      <h3>{t('page.done.app')}</h3>
      <p>{status?.unit ? t('page.done.state', { unit: status.unit, state }) : t('page.status.state', { state })}</p>
      {status && <p data-testid="done-app-release">{status.live ? t('page.done.release', { release: status.live }) : t('page.done.noRelease')}</p>}
      {loaded.error && (
        <p className="status-error" role="alert">
          {errorText(loaded.error)}
        </p>
      )}
    </div>
  );
}
