import { useTranslation } from 'react-i18next';
import type { OnServerPart } from '../../../common/contract/schemas/server';
import type { SetupState } from '../../../common/contract/schemas/setup';
import { CopyButton } from '../../app/CopyButton';
import { ErrorBanner } from '../../app/ErrorBanner';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import { useStepStatus } from '../../operations/use-step-status';
import { useLoad } from '../../bridge/use-load';
import { AppOnServer } from './AppOnServer';

/** Which step's check says whether a part is on the server right now. */
const liveStep = { site: 'web-server', app: 'app', certificate: 'https' } as const;

function LiveState({ step }: { step: 'web-server' | 'app' | 'https' }) {
  const { t } = useTranslation('setup');
  const { status } = useStepStatus(step);
  const detail = status?.detail ? t(status.detail.key, status.detail.values) : undefined;
  const text = status?.state === 'checking' || !status ? t('status.checking') : status.state === 'error' && status.error ? t('status.error', { error: errorText(status.error) }) : (detail ?? t('status.unknown'));
  return (
    <p className="muted" data-testid={`on-server-now-${step}`} data-state={status?.state ?? 'unknown'}>
      {t('server:done.now', { status: text })}
    </p>
  );
}

function Part({ part }: { part: OnServerPart }) {
  const { t } = useTranslation('server');
  const step = part.part === 'site' || part.part === 'app' || part.part === 'certificate' ? liveStep[part.part] : undefined;
  return (
    <li data-testid={`on-server-${part.part}`}>
      <strong>{t(`done.part.${part.part}`, { name: part.name ?? '' })}</strong>
      {part.paths.length > 0 && (
        <div>
          {part.paths.map((p) => (
            <code key={p} className="mono">
              {p}{' '}
            </code>
          ))}
        </div>
      )}
      {step && <LiveState step={step} />}
      <p className="muted">{t(`done.partNote.${part.part}`)}</p>
      <div className="row">
        <span>{t('done.undo')}</span> <code data-testid={`on-server-undo-${part.part}`}>{part.undo}</code> <CopyButton value={part.undo} />
      </div>
    </li>
  );
}

/** Done on the own-server path: what is on the server (site, certificate, services) and how to undo each part. No AWS. */
export function OwnServerDone({ setup, onOpenSettings }: { setup: SetupState; onOpenSettings: () => void }) {
  const { t } = useTranslation('server');
  const loaded = useLoad(() => api.invoke['server.onServer']({}), `on-server:${JSON.stringify([setup.choices.webServer, setup.choices.https, setup.choices.ownServer])}`);
  const value = loaded.value;
  const { instanceId, allocationId, securityGroupId, keyPairName } = setup.resources;
  const awsLeft = [instanceId, allocationId, securityGroupId, keyPairName].some((id) => id !== undefined);
  return (
    <>
      {value?.server && <p data-testid="own-server-label">{t('done.server', { server: `${value.server.user}@${value.server.host}${value.server.port === 22 ? '' : `:${value.server.port}`}` })}</p>}
      {value?.domain && (
        <p>
          <a href={`https://${value.domain}/`} target="_blank" rel="noreferrer">
            https://{value.domain}/
          </a>
        </p>
      )}
      <section className="card" aria-labelledby="on-server-title" data-testid="on-server">
        <h2 id="on-server-title">{t('done.title')}</h2>
        {loaded.error && <ErrorBanner text={errorText(loaded.error)} onDismiss={loaded.reload} />}
        {value && value.parts.length === 0 && <p className="muted">{t('done.nothing')}</p>}
        {value && value.parts.length > 0 && (
          <>
            <p className="muted">{t('done.undoNote')}</p>
            <ol className="on-server-parts">
              {value.parts.map((part) => (
                <Part key={part.part} part={part} />
              ))}
            </ol>
          </>
        )}
        <AppOnServer setup={setup} />
      </section>
      {awsLeft && (
        <div className="notice" role="note" data-testid="aws-left">
          <span>{t('done.awsLeft')}</span>{' '}
          <button type="button" className="link" onClick={onOpenSettings}>
            {t('done.openSettings')}
          </button>
        </div>
      )}
    </>
  );
}
