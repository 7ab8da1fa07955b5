/**
 * Step 7: nginx as a reverse proxy in front of the app. The form generates the
 * site (preview, edit mode); "Apply" runs `web-server.apply` in the visible
 * terminal; the step is done when its check finds nginx answering for the domain.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OperationError } from '../../operations/OperationError';
import { OperationProgress } from '../../operations/OperationProgress';
import { useOperation } from '../../operations/use-operation';
import type { PageProps } from '../page-props';
import { StepFrame } from '../StepFrame';
import { ConfigPreview, usePreview } from './ConfigPreview';
import { ServerTerminal, useStepTerminal } from '../../terminal/ui/ServerTerminal';
import { formOf, initialFields } from './site-form';
import { SiteForm } from './SiteForm';
import '../../styles/server-pages.css';

const DEFAULT_SITE_ERRORS = new Set(['server.defaultSiteSameName', 'server.defaultSiteDuplicateDefault']);

export function WebServerPage(props: PageProps) {
  const { t } = useTranslation('server');
  const [fields, setFields] = useState(() => initialFields(props.journey.derived.webServerForm));
  const [edited, setEdited] = useState<string>();
  const [disableDefault, setDisableDefault] = useState(false);
  const form = formOf(fields);
  const { preview, error: previewError } = usePreview(form);
  const apply = useOperation('web-server.apply');
  const sessionId = useStepTerminal(props.journey);
  const result = apply.result;
  const askDefault = apply.error !== undefined && DEFAULT_SITE_ERRORS.has(apply.error.code);

  const run = () => {
    if (!sessionId) return;
    void apply.start({ sessionId, form, config: edited, disableDefaultSite: disableDefault });
  };

  return (
    <StepFrame page="web-server" {...props}>
      <SiteForm fields={fields} onChange={setFields} disabled={apply.running} />
      <ConfigPreview preview={preview} error={previewError} edited={edited} onEdit={setEdited} />
      {(askDefault || disableDefault) && (
        <div className="field check-field">
          <input id="ws-disable-default" type="checkbox" checked={disableDefault} onChange={(e) => setDisableDefault(e.target.checked)} />
          <label htmlFor="ws-disable-default">{t('webServer.disableDefault')}</label>
        </div>
      )}
      <div className="step-actions">
        <button type="button" className="primary" disabled={!sessionId || !preview || apply.running} onClick={run} data-testid="apply-web-server">
          {t('webServer.apply')}
        </button>
      </div>
      <OperationProgress snapshot={apply.snapshot} onCancel={() => void apply.cancel()} />
      <OperationError op={apply} testId="web-server-error" />
      {result && !apply.running && (
        <div className="card" role="status" data-testid="web-server-result">
          <p className={result.answer.explanation ? 'notice' : 'status-ok'}>{t('webServer.result', { site: result.site, status: result.answer.httpStatus })}</p>
          {result.answer.explanation && <p>{t(result.answer.explanation.key, result.answer.explanation.values)}</p>}
          {result.httpsAnswer && <p className={result.httpsAnswer.explanation ? 'notice' : 'status-ok'}>{t('webServer.httpsKept', { status: result.httpsAnswer.httpStatus })}</p>}
          {result.httpsAnswer?.explanation && <p>{t(result.httpsAnswer.explanation.key, result.httpsAnswer.explanation.values)}</p>}
          {result.notes.map((note) => (
            <p key={note.key} className="muted">
              {t(note.key, note.values)}
            </p>
          ))}
          {result.installedNginx && <p className="muted">{t('webServer.installedNginx')}</p>}
          {result.disabledDefaultSite && <p className="muted">{t('webServer.disabledDefault')}</p>}
        </div>
      )}
      <ServerTerminal journey={props.journey} onOpenSettings={() => props.onNavigate('settings')} />
    </StepFrame>
  );
}
