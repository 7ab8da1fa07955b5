/**
 * The app's settings (environment variables): name, value, secret. The
 * stored ones come from `deploy.settings` (a secret only by name: its value
 * never reaches the page), the `.env.example` names from the inspection.
 * Save runs `app.setEnv`; a secret sent with no value keeps the stored one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { errorText } from '../../i18n';
import { OperationError } from '../../operations/OperationError';
import { OperationProgress } from '../../operations/OperationProgress';
import type { OperationState } from '../../operations/use-operation';
import { afterSave, baseRows, mergeRows, newRow, rowProblems, settingsInput, type EnvRow, type ExampleSetting, type StoredSetting } from './plan-form';

export function SettingsSection({
  stored,
  loadError,
  example,
  op,
  busy,
  sessionId,
}: {
  stored: readonly StoredSetting[] | undefined;
  /** Why the stored settings could not be read. */
  loadError: ContractError | undefined;
  example: readonly ExampleSetting[];
  op: OperationState<'app.setEnv'>;
  busy: boolean;
  sessionId: string | undefined;
}) {
  const { t } = useTranslation('app');
  const base = baseRows(stored ?? [], example);
  const baseKey = JSON.stringify(base.map((r) => [r.name, r.secret, r.storedSecret, r.stored]));
  const [state, setState] = useState({ key: baseKey, rows: base });
  // A new base (settings read again, a new inspection): merged into what is being edited.
  if (state.key !== baseKey) setState({ key: baseKey, rows: mergeRows(state.rows, base) });
  // After a save: the typed secrets are dropped from the page (they are in the vault now).
  const savedId = op.result ? op.snapshot?.progress.opId : undefined;
  const [seenSave, setSeenSave] = useState(savedId);
  if (savedId !== seenSave) {
    setSeenSave(savedId);
    if (savedId) setState((s) => ({ ...s, rows: afterSave(s.rows) }));
  }

  const rows = state.rows;
  const problems = rowProblems(rows);
  const setRows = (next: EnvRow[]) => setState((s) => ({ ...s, rows: next }));
  const update = (id: string, patch: Partial<EnvRow>) => setRows(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const request = settingsInput(rows);
  // Nothing typed and nothing stored: nothing to save (removing every stored one is a save).
  const nothing = request.length === 0 && (stored ?? []).length === 0;
  const save = () => void op.start({ ...(sessionId ? { sessionId } : {}), settings: request });

  return (
    <section className="card" aria-labelledby="app-settings-title" data-testid="app-settings">
      <h2 id="app-settings-title">{t('page.settings.title')}</h2>
      <p className="muted">{t('page.settings.intro')}</p>
      {example.length > 0 && <p className="muted">{t('page.settings.exampleHint')}</p>}
      {loadError && (
        <p className="status-error" role="alert" data-testid="app-settings-load-error">
          {errorText(loadError)}
        </p>
      )}
      {rows.length === 0 && <p className="muted">{t('page.settings.none')}</p>}
      {rows.length > 0 && (
        <table className="app-settings-table">
          <thead>
            <tr>
              <th scope="col">{t('page.settings.name')}</th>
              <th scope="col">{t('page.settings.value')}</th>
              <th scope="col">{t('page.settings.secret')}</th>
              <th scope="col">
                <span className="sr-only">{t('page.settings.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const problem = problems.get(row.id);
              const label = row.name || String(index + 1);
              return (
                <tr key={row.id} data-testid="app-setting-row" data-name={row.name}>
                  <td>
                    <input
                      className="mono"
                      value={row.name}
                      disabled={busy}
                      onChange={(e) => update(row.id, { name: e.target.value })}
                      aria-label={`${t('page.settings.name')} ${index + 1}`}
                      aria-invalid={problem !== undefined || undefined}
                      aria-describedby={problem ? `app-setting-problem-${row.id}` : undefined}
                      spellCheck={false}
                      autoComplete="off"
                    />
                    {problem && (
                      <div id={`app-setting-problem-${row.id}`} className="status-error hint">
                        {t(`page.settings.problems.${problem}`)}
                      </div>
                    )}
                  </td>
                  <td>
                    <input
                      className="mono"
                      type={row.secret ? 'password' : 'text'}
                      value={row.value}
                      disabled={busy}
                      onChange={(e) => update(row.id, { value: e.target.value })}
                      placeholder={row.storedSecret ? t('page.settings.storedPlaceholder') : undefined}
                      aria-label={`${t('page.settings.value')}: ${label}`}
                      spellCheck={false}
                      autoComplete="off"
                    />
                  </td>
                  <td>
                    <input type="checkbox" checked={row.secret} disabled={busy} onChange={(e) => update(row.id, { secret: e.target.checked })} aria-label={`${t('page.settings.secret')}: ${label}`} />
                  </td>
                  <td>
                    <button type="button" disabled={busy} onClick={() => setRows(rows.filter((r) => r.id !== row.id))} aria-label={t('page.settings.removeLabel', { name: label })}>
                      {t('page.settings.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="step-actions">
        <button type="button" disabled={busy} onClick={() => setRows([...rows, newRow()])} data-testid="app-setting-add">
          {t('page.settings.add')}
        </button>
        <button type="button" className="primary" disabled={busy || nothing || problems.size > 0 || stored === undefined} onClick={save} data-testid="app-settings-save">
          {t('page.settings.save')}
        </button>
      </div>
      <OperationProgress snapshot={op.snapshot} onCancel={() => void op.cancel()} />
      <OperationError op={op} testId="app-settings-error" />
      {op.result && !op.running && (
        <p className="status-ok" role="status" data-testid="app-settings-saved">
          {t(op.result.restarted ? 'page.settings.savedRestarted' : 'page.settings.saved', { count: op.result.count })}
        </p>
      )}
    </section>
  );
}
