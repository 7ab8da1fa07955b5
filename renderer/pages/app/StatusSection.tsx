/**
 * The app on the server as main read it (`deploy.status`): the service's
 * state, the running release and those kept (with "Roll back"), and when it
 * fails the journal's last lines with the likely cause and its fix. "Logs"
 * types the follow command into the visible terminal.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import type { AppStatus } from '../../../common/contract/schemas/deploy';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import { OperationProgress } from '../../operations/OperationProgress';
import type { OperationState } from '../../operations/use-operation';
import { canRollback } from './status-view';

function Failure({ failure }: { failure: NonNullable<AppStatus['failure']> }) {
  const { t } = useTranslation('app');
  return (
    <div className="app-failure" data-testid="app-failure" data-cause={failure.cause ?? 'unknown'}>
      <h3>{t('page.status.journal')}</h3>
      <pre className="config-preview app-journal" data-testid="app-journal">
        {failure.lines.join('\n')}
      </pre>
      {failure.cause ? (
        <div className="notice" role="note">
          <p>
            <strong>{t('page.status.cause', { cause: t(`causes.${failure.cause}.title`) })}</strong>
          </p>
          {failure.line && <pre className="mono app-journal-line">{failure.line}</pre>}
          {failure.detail && <p>{t('page.status.detail', { detail: failure.detail })}</p>}
          <p data-testid="app-failure-fix">{t(`causes.${failure.cause}.fix`)}</p>
        </div>
      ) : (
        <p className="muted">{t('page.status.noCause')}</p>
      )}
    </div>
  );
}

export function StatusSection({
  status,
  loading,
  error,
  onReload,
  rollback,
  busy,
  sessionId,
}: {
  status: AppStatus | undefined;
  loading: boolean;
  error: ContractError | undefined;
  onReload: () => void;
  rollback: OperationState<'app.rollback'>;
  busy: boolean;
  sessionId: string | undefined;
}) {
  const { t } = useTranslation('app');
  const [logsError, setLogsError] = useState<ContractError>();
  const logs = async () => {
    if (!sessionId) return;
    setLogsError(undefined);
    const command = await api.invoke['deploy.logsCommand']({});
    if (!command.ok) return setLogsError(command.error);
    // Follows until the user presses Ctrl+C in the terminal; only a refusal is worth showing.
    void api.invoke['ssh.runInTerminal']({ sessionId, command: command.value.command }).then((r) => {
      if (!r.ok) setLogsError(r.error);
    });
  };
  const state = status?.state;
  const service = state !== undefined && state !== 'none' && state !== 'static';
  return (
    <section className="card" aria-labelledby="app-status-title" aria-busy={loading} data-testid="app-status" data-state={state ?? 'unknown'}>
      <h2 id="app-status-title">{t('page.status.title')}</h2>
      {error && (
        <p className="status-error" role="alert" data-testid="app-status-error">
          {errorText(error)}
        </p>
      )}
      {!status && loading && <p className="muted">{t('page.status.reading')}</p>}
      {status && (
        <>
          <p data-testid="app-status-state">
            <strong>{status.unit && service ? t('page.status.service', { unit: status.unit, state: t(`page.status.states.${status.state}`) }) : t('page.status.state', { state: t(`page.status.states.${status.state}`) })}</strong>
          </p>
          <p data-testid="app-status-live">{status.live ? t('page.status.live', { release: status.live }) : t('page.status.noLive')}</p>
          {status.releases.length > 0 && (
            <>
              <h3>{t('page.status.releases')}</h3>
              <ul className="app-releases" data-testid="app-releases">
                {[...status.releases].reverse().map((release) => (
                  <li key={release}>
                    <code>{release}</code>
                    {release === status.live && <span className="muted"> · {t('page.status.running')}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {status.failure && <Failure failure={status.failure} />}
        </>
      )}
      <div className="step-actions">
        <button type="button" disabled={loading} onClick={onReload} data-testid="app-status-refresh">
          {t('page.status.refresh')}
        </button>
        <button
          type="button"
          disabled={busy || !sessionId || !canRollback(status)}
          onClick={() => sessionId && void rollback.start({ sessionId })}
          aria-describedby="app-rollback-hint"
          data-testid="app-rollback"
        >
          {t('page.status.rollback')}
        </button>
        <button type="button" disabled={!sessionId || !status?.unit || !service} onClick={() => void logs()} aria-describedby="app-logs-hint" data-testid="app-logs">
          {t('page.status.logs')}
        </button>
      </div>
      <p className="muted">
        <span id="app-rollback-hint">{t('page.status.rollbackHint')}</span> <span id="app-logs-hint">{t('page.status.logsHint')}</span>
      </p>
      {logsError && (
        <p className="status-error" role="alert">
          {errorText(logsError)}
        </p>
      )}
      <OperationProgress snapshot={rollback.snapshot} onCancel={() => void rollback.cancel()} />
      {rollback.result && !rollback.running && (
        <p className="status-ok" role="status" data-testid="app-rolled-back">
          {t('page.status.rolledBack', { release: rollback.result.release })}
        </p>
      )}
    </section>
  );
}
