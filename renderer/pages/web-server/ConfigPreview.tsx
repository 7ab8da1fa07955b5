/**
 * The generated nginx site (from main, `server.previewSite`), shown as the
 * page's form changes; an edit mode lets the user change the text, which is
 * then applied as-is (nginx -t checks it on the server before it goes live).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import type { WebServerFormInput } from '../../../common/contract/schemas/server';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';

export interface Preview {
  site: string;
  path: string;
  config: string;
}

export function usePreview(form: WebServerFormInput): { preview: Preview | undefined; error: ContractError | undefined } {
  const [state, setState] = useState<{ preview?: Preview; error?: ContractError }>({});
  const key = JSON.stringify(form);
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      void api.invoke['server.previewSite'](JSON.parse(key) as WebServerFormInput).then((r) => {
        if (alive) setState(r.ok ? { preview: r.value } : { error: r.error });
      });
    }, 150);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [key]);
  return { preview: state.preview, error: state.error };
}

export function ConfigPreview({ preview, error, edited, onEdit }: { preview: Preview | undefined; error: ContractError | undefined; edited: string | undefined; onEdit: (text: string | undefined) => void }) {
  const { t } = useTranslation('server');
  const [editing, setEditing] = useState(false);
  if (error) return <p className="status-error" role="alert" data-testid="preview-error">{errorText(error)}</p>;
  if (!preview) return null;
  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('webServer.preview')}</h2>
      <p className="muted">{t('webServer.previewPath', { path: preview.path })}</p>
      {editing ? (
        <>
          <p className="notice">{t('webServer.editing')}</p>
          <textarea className="config-preview" aria-label={t('webServer.preview')} value={edited ?? preview.config} onChange={(e) => onEdit(e.target.value)} spellCheck={false} data-testid="config-editor" />
        </>
      ) : (
        <pre className="config-preview" data-testid="config-preview">
          {edited ?? preview.config}
        </pre>
      )}
      <div className="button-row">
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            {t('webServer.edit')}
          </button>
        )}
        {(editing || edited !== undefined) && (
          <button
            type="button"
            onClick={() => {
              setEditing(false);
              onEdit(undefined);
            }}
          >
            {t('webServer.useGenerated')}
          </button>
        )}
      </div>
    </section>
  );
}
