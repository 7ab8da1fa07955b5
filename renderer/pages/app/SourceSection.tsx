/**
 * Where the code comes from: a starter page (by runtime), a git repository
 * (with a deploy key for an SSH address, and "Test access"), or a folder on
 * this computer (the native dialog, or typed). "Read the project" runs
 * `app.inspect`, which only reads: the plan shows before anything runs.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import type { AppSource } from '../../../common/contract/schemas/deploy';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import { OperationError } from '../../operations/OperationError';
import { OperationProgress } from '../../operations/OperationProgress';
import type { OperationState } from '../../operations/use-operation';
import { DeployKeyPanel } from './DeployKeyPanel';
import { DEFAULT_BRANCH, isSshUrl, sourceOf, type SourceFields, type SourceKind } from './plan-form';

const KINDS: SourceKind[] = ['starter', 'git', 'folder'];
const RUNTIMES = ['static', 'python', 'node'] as const;

export function SourceSection({
  fields,
  onChange,
  busy,
  inspect,
  onInspect,
  testAccess,
}: {
  fields: SourceFields;
  onChange: (next: SourceFields) => void;
  busy: boolean;
  inspect: OperationState<'app.inspect'>;
  /** Starts `app.inspect` for this source (the page remembers which code the plan was read from). */
  onInspect: (source: AppSource) => void;
  testAccess: OperationState<'app.testAccess'>;
}) {
  const { t } = useTranslation('app');
  const [chooseError, setChooseError] = useState<ContractError>();
  const set = <K extends keyof SourceFields>(key: K, value: SourceFields[K]) => onChange({ ...fields, [key]: value });
  const source = sourceOf(fields);
  const branch = fields.branch.trim() || DEFAULT_BRANCH;

  const choose = async () => {
    setChooseError(undefined);
    const r = await api.invoke['deploy.chooseFolder']({});
    if (!r.ok) setChooseError(r.error);
    else if (r.value.path) onChange({ ...fields, kind: 'folder', path: r.value.path });
  };

  return (
    <section className="card" aria-labelledby="app-source-title" data-testid="app-source">
      <h2 id="app-source-title">{t('page.source.title')}</h2>
      <fieldset className="app-source-kinds" disabled={busy}>
        <legend className="sr-only">{t('page.source.title')}</legend>
        {KINDS.map((kind) => (
          <div className="field check-field" key={kind}>
            <input id={`app-source-${kind}`} type="radio" name="app-source" checked={fields.kind === kind} onChange={() => set('kind', kind)} data-testid={`app-source-${kind}`} />
            <label htmlFor={`app-source-${kind}`}>{t(`page.source.${kind}`)}</label>
          </div>
        ))}
      </fieldset>

      {fields.kind === 'starter' && (
        <div className="server-form">
          <div className="field">
            <label htmlFor="app-starter-runtime">{t('page.source.runtime')}</label>
            <select id="app-starter-runtime" value={fields.runtime} disabled={busy} onChange={(e) => set('runtime', e.target.value as SourceFields['runtime'])} aria-describedby="app-starter-hint">
              {RUNTIMES.map((runtime) => (
                <option key={runtime} value={runtime}>
                  {t(`page.source.runtimes.${runtime}`)}
                </option>
              ))}
            </select>
            <span id="app-starter-hint" className="muted hint">
              {t('page.source.starterHint')}
            </span>
          </div>
        </div>
      )}

      {fields.kind === 'git' && (
        <>
          <div className="server-form">
            <div className="field">
              <label htmlFor="app-git-url">{t('page.source.url')}</label>
              <input id="app-git-url" value={fields.url} disabled={busy} onChange={(e) => set('url', e.target.value)} autoComplete="off" spellCheck={false} placeholder="https://github.com/owner/repo" aria-describedby="app-git-url-hint" data-testid="app-git-url" />
              <span id="app-git-url-hint" className="muted hint">
                {t('page.source.urlHint')}
              </span>
            </div>
            <div className="field">
              <label htmlFor="app-git-branch">{t('page.source.branch')}</label>
              <input id="app-git-branch" value={fields.branch} disabled={busy} onChange={(e) => set('branch', e.target.value)} autoComplete="off" spellCheck={false} placeholder={DEFAULT_BRANCH} />
            </div>
          </div>
          {isSshUrl(fields.url) && <DeployKeyPanel url={fields.url} disabled={busy || source === undefined} />}
          <div className="button-row">
            <button type="button" disabled={busy || source?.kind !== 'git'} onClick={() => source?.kind === 'git' && void testAccess.start({ url: source.url, branch: source.branch })} data-testid="app-test-access">
              {t('page.source.testAccess')}
            </button>
          </div>
          <OperationProgress snapshot={testAccess.snapshot} onCancel={() => void testAccess.cancel()} />
          {testAccess.result && !testAccess.running && (
            <p className="status-ok" role="status" data-testid="app-access-ok">
              {t('page.source.accessOk', { branch, commit: testAccess.result.commit.slice(0, 12) })}
            </p>
          )}
        </>
      )}

      {fields.kind === 'folder' && (
        <div className="server-form">
          <div className="field">
            <label htmlFor="app-folder">{t('page.source.path')}</label>
            <input id="app-folder" value={fields.path} disabled={busy} onChange={(e) => set('path', e.target.value)} autoComplete="off" spellCheck={false} data-testid="app-folder" />
          </div>
          <div className="field">
            <span aria-hidden="true">&nbsp;</span>
            <button type="button" disabled={busy} onClick={() => void choose()} data-testid="app-choose-folder">
              {t('page.source.choose')}
            </button>
          </div>
        </div>
      )}
      {chooseError && (
        <p className="status-error" role="alert">
          {errorText(chooseError)}
        </p>
      )}

      <div className="step-actions">
        <button type="button" className="primary" disabled={busy || !source} onClick={() => source && onInspect(source)} aria-describedby="app-inspect-hint" data-testid="app-inspect">
          {t('page.source.inspect')}
        </button>
        <span id="app-inspect-hint" className="muted">
          {t('page.source.inspectHint')}
        </span>
      </div>
      <OperationProgress snapshot={inspect.snapshot} onCancel={() => void inspect.cancel()} />
      <OperationError op={inspect} testId="app-inspect-error" />
    </section>
  );
}
