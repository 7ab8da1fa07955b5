import { useTranslation } from 'react-i18next';
import type { SiteFields } from './site-form';

export function SiteForm({ fields, onChange, disabled }: { fields: SiteFields; onChange: (next: SiteFields) => void; disabled: boolean }) {
  const { t } = useTranslation('server');
  const set = <K extends keyof SiteFields>(key: K, value: SiteFields[K]) => onChange({ ...fields, [key]: value });
  return (
    <fieldset className="card" disabled={disabled}>
      <legend>{t('webServer.form')}</legend>
      <div className="server-form">
        <div className="field">
          <label htmlFor="ws-domain">{t('webServer.domain')}</label>
          <input id="ws-domain" value={fields.domain} onChange={(e) => set('domain', e.target.value)} autoComplete="off" spellCheck={false} placeholder="example.com" />
        </div>
        <div className="field check-field">
          <input id="ws-www" type="checkbox" checked={fields.includeWww} onChange={(e) => set('includeWww', e.target.checked)} />
          <label htmlFor="ws-www">{t('webServer.includeWww', { domain: fields.domain || 'example.com' })}</label>
        </div>
        <div className="field">
          <label htmlFor="ws-port">{t('webServer.appPort')}</label>
          <input id="ws-port" type="number" min={1} max={65535} value={fields.appPort} onChange={(e) => set('appPort', e.target.value)} aria-describedby="ws-port-hint" />
          <span id="ws-port-hint" className="muted hint">
            {t('webServer.appPortHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="ws-static">{t('webServer.staticDir')}</label>
          <input id="ws-static" value={fields.staticDir} onChange={(e) => set('staticDir', e.target.value)} autoComplete="off" spellCheck={false} aria-describedby="ws-static-hint" />
          <span id="ws-static-hint" className="muted hint">
            {t('webServer.staticDirHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="ws-body">{t('webServer.bodySize')}</label>
          <input id="ws-body" value={fields.clientMaxBodySize} onChange={(e) => set('clientMaxBodySize', e.target.value)} autoComplete="off" spellCheck={false} />
        </div>
      </div>
    </fieldset>
  );
}
