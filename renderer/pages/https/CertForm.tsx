import { useTranslation } from 'react-i18next';
import { certMode } from '../../../common/contract/schemas/server';
import type { CertFields } from './cert-form';

export function CertForm({ domain, fields, onChange, disabled }: { domain: string; fields: CertFields; onChange: (next: CertFields) => void; disabled: boolean }) {
  const { t } = useTranslation('server');
  const set = <K extends keyof CertFields>(key: K, value: CertFields[K]) => onChange({ ...fields, [key]: value });
  return (
    <fieldset className="card" disabled={disabled}>
      <legend>{t('https.form')}</legend>
      <p>
        <strong>{t('webServer.domain')}:</strong> <code data-testid="https-domain">{domain || '—'}</code>
      </p>
      <div className="server-form">
        <div className="field">
          <label htmlFor="tls-email">{t('https.email')}</label>
          <input id="tls-email" type="email" value={fields.email} onChange={(e) => set('email', e.target.value)} autoComplete="email" spellCheck={false} aria-describedby="tls-email-hint" />
          <small id="tls-email-hint" className="muted">
            {t('https.emailHint')}
          </small>
        </div>
        <div className="field check-field">
          <input id="tls-hsts-sub" type="checkbox" checked={fields.hstsIncludeSubDomains} onChange={(e) => set('hstsIncludeSubDomains', e.target.checked)} />
          <label htmlFor="tls-hsts-sub">{t('https.hstsIncludeSubDomains')}</label>
        </div>
        <div className="field check-field">
          <input id="tls-www" type="checkbox" checked={fields.includeWww} onChange={(e) => set('includeWww', e.target.checked)} />
          <label htmlFor="tls-www">{t('https.includeWww', { domain: domain || 'example.com' })}</label>
        </div>
      </div>
      <fieldset>
        <legend>{t('https.mode')}</legend>
        {certMode.options.map((mode) => (
          <div className="field check-field" key={mode}>
            <input id={`tls-mode-${mode}`} type="radio" name="tls-mode" checked={fields.mode === mode} onChange={() => set('mode', mode)} />
            <label htmlFor={`tls-mode-${mode}`}>{t(`https.modes.${mode}`)}</label>
          </div>
        ))}
      </fieldset>
      <details open={fields.advanced} onToggle={(e) => set('advanced', (e.target as HTMLDetailsElement).open)}>
        <summary>{t('https.advanced')}</summary>
        <div className="field">
          <label htmlFor="tls-directory">{t('https.directoryUrl')}</label>
          <input id="tls-directory" value={fields.directoryUrl} onChange={(e) => set('directoryUrl', e.target.value)} placeholder="https://acme.example/directory" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="tls-ca">{t('https.caPem')}</label>
          <textarea id="tls-ca" rows={6} value={fields.caPem} onChange={(e) => set('caPem', e.target.value)} spellCheck={false} placeholder="-----BEGIN CERTIFICATE-----" />
        </div>
      </details>
    </fieldset>
  );
}
