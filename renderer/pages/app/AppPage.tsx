/**
 * The App step: the user's code behind nginx. Where the code comes from →
 * "Read the project" (`app.inspect`, reads only) → the plan, editable, with
 * the unit it makes → the settings → "Deploy" (`app.deploy`, typed in the
 * visible terminal) → the app's state on the server, its releases and
 * rollback, the journal when it fails → server care → undo. A pure view of
 * main: every fact shown comes from an operation's result or a `deploy.*` read.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/page-strings'; // the page's own strings (locales/*/app-page.json), for every section below
import { OperationError } from '../../operations/OperationError';
import { OperationProgress } from '../../operations/OperationProgress';
import { ServerTerminal, useStepTerminal } from '../../terminal/ui/ServerTerminal';
import type { PageProps } from '../page-props';
import { StepFrame } from '../StepFrame';
import { CareSection } from './CareSection';
import { PlanSection } from './PlanSection';
import type { AppSource } from '../../../common/contract/schemas/deploy';
import { initialSource, planFields, planOf, planProblem, sameSource, sourceOf, type PlanFields } from './plan-form';
import { RemoveSection } from './RemoveSection';
import { SettingsSection } from './SettingsSection';
import { SourceSection } from './SourceSection';
import { StatusSection } from './StatusSection';
import { UnitPreview } from './UnitPreview';
import { useAppOps } from './use-app-ops';
import '../../styles/server-pages.css';
import './app-page.css';

/**
 * Which code each inspection read (started from this page, in this window), so
 * a plan is never deployed with other code; kept outside React so it outlives
 * the page when the user goes to another step and back.
 */
const inspectedSources = new Map<string, AppSource>();

export function AppPage(props: PageProps) {
  const { t } = useTranslation('app');
  const saved = props.setup.choices.app;
  const { ops, busy, status, settings } = useAppOps();
  const { inspect, deploy } = ops;
  const sessionId = useStepTerminal(props.journey);
  // The plan: as last deployed, else the last inspection's; a new inspection replaces it.
  const inspectId = inspect.result ? inspect.snapshot?.progress.opId : undefined;
  // The source fields start where the plan shown came from.
  const [source, setSource] = useState(() => initialSource(saved ? saved.source : inspectId ? inspectedSources.get(inspectId) : undefined));
  const [plan, setPlan] = useState<PlanFields | undefined>(() => (saved ? planFields(saved.plan) : inspect.result ? planFields(inspect.result.plan) : undefined));
  const [planOp, setPlanOp] = useState<string | undefined>(() => (saved ? undefined : inspectId));
  const [seenInspect, setSeenInspect] = useState(inspectId);
  if (inspectId !== seenInspect) {
    setSeenInspect(inspectId);
    if (inspect.result) {
      setPlan(planFields(inspect.result.plan));
      setPlanOp(inspectId);
    }
  }
  const [, setKnown] = useState(0);
  const startInspect = async (what: AppSource) => {
    const opId = await inspect.start({ source: what });
    if (!opId) return;
    inspectedSources.set(opId, what);
    setKnown((n) => n + 1);
  };
  const planSource = planOp ? inspectedSources.get(planOp) : saved?.source;
  const inspection = inspect.result;
  const problem = plan ? planProblem(plan) : undefined;
  const edited = plan && !problem ? planOf(plan) : undefined;
  const currentSource = sourceOf(source);
  const stale = plan !== undefined && currentSource !== undefined && !sameSource(planSource, currentSource);
  const app = status.value;
  const deployed = saved !== undefined || (app !== undefined && app.state !== 'none');

  const runDeploy = () => {
    if (!sessionId || !edited || !currentSource || stale) return;
    void deploy.start({ sessionId, source: currentSource, plan: edited });
  };

  return (
    <StepFrame page="app" {...props}>
      <SourceSection fields={source} onChange={setSource} busy={busy} inspect={inspect} onInspect={(what) => void startInspect(what)} testAccess={ops.testAccess} />
      {plan && <PlanSection fields={plan} onChange={setPlan} inspection={inspection} disabled={busy} />}
      <UnitPreview plan={edited} />
      <SettingsSection stored={settings.value?.settings} loadError={settings.error} example={inspection?.envExample ?? []} op={ops.setEnv} busy={busy} sessionId={sessionId} />

      <section className="card" aria-labelledby="app-deploy-title" data-testid="app-deploy">
        <h2 id="app-deploy-title">{t('page.deploy.title')}</h2>
        {!plan && <p className="muted">{t('page.deploy.needsPlan')}</p>}
        {plan && !currentSource && <p className="muted">{t('page.deploy.needsSource')}</p>}
        {stale && (
          <p className="notice" data-testid="app-plan-stale">
            {t('page.deploy.planStale')}
          </p>
        )}
        {!sessionId && <p className="muted">{t('server:page.terminalNeeded')}</p>}
        <div className="step-actions">
          <button type="button" className="primary" disabled={busy || !sessionId || !edited || !currentSource || stale} onClick={runDeploy} data-testid="app-deploy-button">
            {deployed ? t('page.deploy.again') : t('page.deploy.deploy')}
          </button>
        </div>
        <OperationProgress snapshot={deploy.snapshot} onCancel={() => void deploy.cancel()} />
        <OperationError op={deploy} testId="app-deploy-error" />
        {deploy.result && !deploy.running && (
          <div role="status" data-testid="app-deploy-result">
            <p className="status-ok">{t('page.deploy.result', { release: deploy.result.release })}</p>
            {deploy.result.httpStatus !== undefined && <p className="muted">{t('page.deploy.answered', { status: deploy.result.httpStatus })}</p>}
          </div>
        )}
      </section>

      <StatusSection status={app} loading={status.loading} error={status.error} onReload={status.reload} rollback={ops.rollback} busy={busy} sessionId={sessionId} />
      <CareSection care={app?.care} savedZone={saved?.timeZone} op={ops.care} reboot={ops.reboot} busy={busy} sessionId={sessionId} />
      <RemoveSection made={props.setup.resources.app} op={ops.remove} busy={busy} sessionId={sessionId} />
      <ServerTerminal journey={props.journey} onOpenSettings={() => props.onNavigate('settings')} />
    </StepFrame>
  );
}
