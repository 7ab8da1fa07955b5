/**
 * Step 8: HTTPS. The preflight runs before anything asks the CA; "Get the
 * certificate" runs `https.issue` (preflight again, certbot installed if
 * missing, certbot in the visible terminal, verification); "Verify again"
 * runs `https.verify`. The step is done when its check sees the redirect and a
 * valid certificate.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import type { HttpsVerifyReport, PreflightReport } from '../../../common/contract/schemas/server';
import { errorText } from '../../i18n';
import { OperationProgress } from '../../operations/OperationProgress';
import { useOperation } from '../../operations/use-operation';
import type { PageProps } from '../page-props';
import { StepFrame } from '../StepFrame';
import { ServerTerminal, useStepTerminal } from '../../terminal/ui/ServerTerminal';
import '../../styles/server-pages.css';
import { initialCertFields, requestOf } from './cert-form';
import { CertForm } from './CertForm';
import { CheckList } from './CheckList';

function latest<T>(...candidates: { value: T | undefined; at: number }[]): T | undefined {
  return candidates.filter((c) => c.value !== undefined).sort((a, b) => b.at - a.at)[0]?.value;
}

export function HttpsPage(props: PageProps) {
  const { t } = useTranslation('server');
  const domain = props.journey.derived.site?.domain ?? '';
  const [fields, setFields] = useState(() => initialCertFields(props.journey.derived.httpsForm));
  const preflight = useOperation('https.preflight');
  const issue = useOperation('https.issue');
  const verify = useOperation('https.verify');
  const sessionId = useStepTerminal(props.journey);
  const running = preflight.running || issue.running || verify.running;
  const request = requestOf(domain, fields);
  const at = (op: { snapshot: { progress: { startedAt: number } } | undefined }) => op.snapshot?.progress.startedAt ?? 0;

  const preflightReport: PreflightReport | undefined = latest({ value: preflight.result, at: at(preflight) }, { value: issue.result?.preflight, at: at(issue) });
  const verifyReport: HttpsVerifyReport | undefined = latest({ value: verify.result, at: at(verify) }, { value: issue.result?.verify, at: at(issue) });
  const shown = [preflight, issue, verify].filter((op) => op.snapshot).sort((a, b) => at(b) - at(a))[0];
  const error: ContractError | undefined = shown?.error;
  const certificate = verifyReport?.certificate;

  return (
    <StepFrame page="https" {...props}>
      <p className="muted">{t('preflight.intro')}</p>
      <CertForm domain={domain} fields={fields} onChange={setFields} disabled={running} />
      <div className="step-actions">
        <button type="button" disabled={running} onClick={() => void preflight.start({ ...request, sessionId })} data-testid="run-preflight">
          {t('preflight.run')}
        </button>
        <button type="button" className="primary" disabled={running || !sessionId} onClick={() => sessionId && void issue.start({ ...request, sessionId })} data-testid="issue-certificate">
          {t('https.issue')}
        </button>
        <button type="button" disabled={running} onClick={() => void verify.start({ ...request, sessionId, renewDryRun: true })} data-testid="verify-https">
          {t('https.verify')}
        </button>
      </div>
      {shown && <OperationProgress snapshot={shown.snapshot} onCancel={() => void shown.cancel()} />}
      {error && !running && (
        <p className="status-error" role="alert" data-testid="https-error">
          {errorText(error)}
        </p>
      )}
      {preflightReport && <CheckList title={t('preflight.title')} group="preflight" checks={preflightReport.checks} testId="preflight-report" />}
      {preflightReport && !preflightReport.pass && <p className="status-error">{t('preflight.failed')}</p>}
      {issue.result?.preflight.pass && !issue.result.issued && !issue.running && <p className="status-ok">{t('https.dryRunPassed')}</p>}
      {issue.result?.certbotNote && <p className="muted">{t(issue.result.certbotNote.key, issue.result.certbotNote.values)}</p>}
      {verifyReport && <CheckList title={t('verify.title')} group="verify" checks={verifyReport.checks} testId="verify-report" />}
      {certificate && (
        <p className={verifyReport?.pass ? 'status-ok' : 'notice'} data-testid="certificate-expiry">
          {verifyReport?.pass && `${t('https.issued')} `}
          {t('https.expires', { validTo: certificate.validTo.slice(0, 10), days: certificate.daysLeft })}
        </p>
      )}
      <ServerTerminal journey={props.journey} onOpenSettings={() => props.onNavigate('settings')} />
    </StepFrame>
  );
}
