/**
 * The plan, as main detected it and the user edits it, shown before anything
 * runs: the runtime and its server, the Python entry, the install and build
 * commands (one a line), the start command, the Ubuntu packages with the
 * versions the server's archive offers, the notes, and for a folder how much
 * goes up.
 */
import { useTranslation } from 'react-i18next';
import type { AppPlanValue } from '../../../common/contract/schemas/deploy';
import { planProblem, withEntry, type PlanFields } from './plan-form';
import { megabytes } from './status-view';

export interface Inspection {
  runtimeVersions: { package: string; installed?: string; candidate?: string }[];
  upload?: { files: number; bytes: number; skipped: number };
}

function Note({ note }: { note: AppPlanValue['notes'][number] }) {
  const { t } = useTranslation('app');
  const { code, ...values } = note;
  return <li data-note={code}>{t(`plan.notes.${code}`, values)}</li>;
}

export function PlanSection({ fields, onChange, inspection, disabled }: { fields: PlanFields; onChange: (next: PlanFields) => void; inspection: Inspection | undefined; disabled: boolean }) {
  const { t } = useTranslation('app');
  const plan = fields.base;
  const set = <K extends keyof PlanFields>(key: K, value: PlanFields[K]) => onChange({ ...fields, [key]: value });
  const problem = planProblem(fields);
  const versions = new Map((inspection?.runtimeVersions ?? []).map((v) => [v.package, v]));
  const service = plan.runtime !== 'static';
  const versionText = (v: Inspection['runtimeVersions'][number]) =>
    v.installed
      ? t('page.plan.versionInstalled', { package: v.package, installed: v.installed, candidate: v.candidate ?? v.installed })
      : v.candidate
        ? t('page.plan.versionToInstall', { package: v.package, candidate: v.candidate })
        : t('page.plan.versionUnknown', { package: v.package });
  return (
    <fieldset className="card" disabled={disabled} data-testid="app-plan" data-runtime={plan.runtime}>
      <legend>{t('page.plan.title')}</legend>
      <p className="muted">{t('page.plan.intro')}</p>
      <p>
        <strong data-testid="app-plan-runtime">{t('page.plan.runtime', { runtime: t(`page.source.runtimes.${plan.runtime}`) })}</strong>
        {plan.pythonServer && <span className="muted"> · {t('page.plan.server', { server: plan.pythonServer })}</span>}
      </p>
      {!service && <p className="muted">{t('page.plan.static')}</p>}
      {plan.notes.length > 0 && (
        <ul className="notice app-plan-notes" data-testid="app-plan-notes">
          {plan.notes.map((note, index) => (
            <Note key={index} note={note} />
          ))}
        </ul>
      )}
      <div className="app-plan-fields">
        {plan.runtime === 'python' && (
          <div className="field">
            <label htmlFor="app-plan-entry">{t('page.plan.entry')}</label>
            <input id="app-plan-entry" className="mono" value={fields.entry} onChange={(e) => onChange(withEntry(fields, e.target.value))} spellCheck={false} autoComplete="off" aria-invalid={problem === 'entryInvalid' || undefined} />
          </div>
        )}
        <div className="field">
          <label htmlFor="app-plan-install">{t('page.plan.install')}</label>
          <textarea id="app-plan-install" className="mono" rows={Math.max(2, plan.install.length + 1)} value={fields.install} onChange={(e) => set('install', e.target.value)} spellCheck={false} aria-describedby="app-plan-commands-hint" data-testid="app-plan-install" />
        </div>
        <div className="field">
          <label htmlFor="app-plan-build">{t('page.plan.build')}</label>
          <textarea id="app-plan-build" className="mono" rows={Math.max(2, plan.build.length + 1)} value={fields.build} onChange={(e) => set('build', e.target.value)} spellCheck={false} aria-describedby="app-plan-commands-hint" data-testid="app-plan-build" />
          <span id="app-plan-commands-hint" className="muted hint">
            {t('page.plan.commandsHint')}
          </span>
        </div>
        {service && (
          <div className="field">
            <label htmlFor="app-plan-start">{t('page.plan.start')}</label>
            <input id="app-plan-start" className="mono" value={fields.start} onChange={(e) => set('start', e.target.value)} spellCheck={false} autoComplete="off" aria-describedby="app-plan-start-hint" aria-invalid={problem === 'startMissing' || undefined} data-testid="app-plan-start" />
            <span id="app-plan-start-hint" className="muted hint">
              {t('page.plan.startHint')}
            </span>
          </div>
        )}
      </div>
      {problem && (
        <p className="status-error" role="alert" data-testid="app-plan-problem">
          {t(`page.plan.${problem}`)}
        </p>
      )}
      {plan.packages.length > 0 && (
        <div data-testid="app-plan-packages">
          <h3>{t('page.plan.packages')}</h3>
          <ul>
            {plan.packages.map((name) => {
              const version = versions.get(name);
              return (
                <li key={name}>
                  {version ? versionText(version) : <code>{name}</code>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {inspection?.upload && (
        <p className="muted" data-testid="app-plan-upload">
          {t('page.plan.upload', { files: inspection.upload.files, megabytes: megabytes(inspection.upload.bytes), skipped: inspection.upload.skipped })}
        </p>
      )}
    </fieldset>
  );
}
