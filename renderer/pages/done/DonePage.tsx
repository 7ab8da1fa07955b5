import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOURS_PER_MONTH, PUBLIC_IPV4_HOURLY_USD } from '../../../common/cost/monthly-cost';
import { ErrorBanner } from '../../app/ErrorBanner';
import { errorText } from '../../i18n';
import { journeyStore } from '../../journey/journey-store';
import { OperationProgress } from '../../operations/OperationProgress';
import { useOperation } from '../../operations/use-operation';
import { RegionBadge } from '../../app/RegionBadge';
import type { PageProps } from '../page-props';
import { StepFrame } from '../StepFrame';
import { BudgetSummary } from './BudgetSummary';
import { CostSummary } from './CostSummary';
import { AppOnServer } from './AppOnServer';
import { DeleteIamUserSection } from './DeleteIamUserSection';
import { GoneVaultItems } from './GoneVaultItems';
import { OwnServerDone } from './OwnServerDone';
import { SiteWatchPanel } from './SiteWatchPanel';
import '../../styles/ec2-pages.css';

/**
 * Step 9. On the AWS path: what exists in AWS for this setup, what it costs a
 * month, and the way to tear it all down. On the own-server path: what is on
 * the server and how to undo each part, with no AWS at all.
 */
export function DonePage(props: PageProps) {
  return props.journey.derived.path === 'own-server' ? (
    <StepFrame page="done" {...props}>
      <SiteWatchPanel />
      <OwnServerDone setup={props.journey.setup} onOpenSettings={() => props.onNavigate('settings')} />
      <GoneVaultItems items={props.journey.vaultItems} />
    </StepFrame>
  ) : (
    <AwsDone {...props} />
  );
}

function AwsDone(props: PageProps) {
  const { t } = useTranslation('ec2');
  const { journey } = props;
  const op = useOperation('done.teardown');
  const [confirming, setConfirming] = useState(false);
  const [deleteVaultKey, setDeleteVaultKey] = useState(false);
  const [deleteBudget, setDeleteBudget] = useState(false);
  // What AWS holds comes from the journey model; opening the page reads it again (it may have changed outside Onramp).
  useEffect(() => void journeyStore.refresh(), []);
  const aws = journey.resources.aws;
  const r = aws.found;
  const nothing = r && r.instances.length + r.addresses.length + r.securityGroups.length + r.keyPairs.length === 0;
  const domain = journey.derived.site?.domain;
  return (
    <StepFrame page="done" {...props}>
      <RegionBadge region={journey.derived.region} />
      {domain && (
        <p>
          <a href={`https://${domain}/`} target="_blank" rel="noreferrer">
            https://{domain}/
          </a>
        </p>
      )}
      <SiteWatchPanel />
      <section className="card" aria-labelledby="resources-title" data-testid="tagged-resources" data-state={aws.state} aria-busy={aws.state === 'reading'}>
        <h2 id="resources-title">{t('done.resources')}</h2>
        {aws.state === 'reading' && <p className="muted">{t('journey:resources.reading')}</p>}
        {aws.error && <ErrorBanner text={errorText(aws.error)} onDismiss={() => void journeyStore.refresh()} />}
        {nothing && <p className="muted">{t('done.none', { region: r.region })}</p>}
        {r && !nothing && (
          <ul>
            {r.instances.map((i) => (
              <li key={i.instanceId}>
                {t('server.instance')} <code>{i.instanceId}</code> ({i.instanceType}, {i.state}){i.monthlyUsd !== undefined ? ` — ${t('form.perMonth', { usd: i.monthlyUsd.toFixed(2) })}` : ''}
              </li>
            ))}
            {r.volumes.map((v) => (
              <li key={v.volumeId}>
                {t('done.volume', { size: v.sizeGiB, type: v.volumeType ?? 'gp3' })} <code>{v.volumeId}</code>
                {v.monthlyUsd !== undefined ? ` — ${t('form.perMonth', { usd: v.monthlyUsd.toFixed(2) })}` : ''}
              </li>
            ))}
            {r.addresses.map((a) => (
              <li key={a.allocationId}>
                {t('server.ip')} <code>{a.publicIp}</code> — {t('form.perMonth', { usd: (PUBLIC_IPV4_HOURLY_USD * HOURS_PER_MONTH).toFixed(2) })}
              </li>
            ))}
            {r.securityGroups.map((g) => (
              <li key={g.groupId}>
                <code>{g.groupId}</code> {g.name}
              </li>
            ))}
            {r.keyPairs.map((k) => (
              <li key={k.keyName}>
                {t('form.keyPair')} <code>{k.keyName}</code>
              </li>
            ))}
          </ul>
        )}
        {r && !nothing && <CostSummary resources={r} />}
        <AppOnServer setup={journey.setup} />
        <BudgetSummary reloadKey={op.result ? 'after-teardown' : 'budget'} />
      </section>
      {!confirming ? (
        <button type="button" className="danger" disabled={op.running || !r || nothing} onClick={() => setConfirming(true)}>
          {t('done.teardown')}
        </button>
      ) : (
        <div className="card" role="alertdialog" aria-labelledby="teardown-confirm">
          <p id="teardown-confirm">{t('done.teardownConfirm')}</p>
          <label>
            <input type="checkbox" checked={deleteVaultKey} onChange={(e) => setDeleteVaultKey(e.target.checked)} /> {t('done.deleteVaultKey')}
          </label>
          <label>
            <input type="checkbox" checked={deleteBudget} onChange={(e) => setDeleteBudget(e.target.checked)} data-testid="teardown-budget" /> {t('done.deleteBudget')}
          </label>
          <div className="row">
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common:actions.cancel')}
            </button>
            <button
              type="button"
              className="danger"
              data-testid="teardown-confirm"
              onClick={() => {
                setConfirming(false);
                // The list follows the model: main reads AWS again when the teardown has finished.
                void op.start({ deleteVaultKey, deleteBudget });
              }}
            >
              {t('done.teardown')}
            </button>
          </div>
        </div>
      )}
      <OperationProgress snapshot={op.snapshot} onCancel={() => void op.cancel()} />
      {op.error && <ErrorBanner text={errorText(op.error)} />}
      {op.result && (
        <div className="card" role="status" data-testid="teardown-result">
          <p>{t('done.removed', op.result.removed)}</p>
          {op.result.removed.budgets > 0 && <p>{t('done.removedBudget', { budgets: op.result.removed.budgets })}</p>}
          {op.result.failures.length > 0 && (
            <>
              <p>{t('done.partial')}</p>
              <ul>
                {op.result.failures.map((f) => (
                  <li key={`${f.part}-${f.id}`}>
                    {f.part} <code>{f.id}</code>: {errorText(f.error ?? { code: f.code, message: '' })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <GoneVaultItems items={journey.vaultItems} />
      {journey.setup.choices.iam && <DeleteIamUserSection userName={journey.setup.choices.iam.userName} ownKeyItemId={journey.setup.resources.iamAccessKeyItemId} />}
    </StepFrame>
  );
}
