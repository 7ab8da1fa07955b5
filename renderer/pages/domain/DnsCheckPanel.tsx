/**
 * The live check: verdict, what is wrong and how to fix it, a table per
 * server, when it was checked and when it will be checked again, and what TTL
 * and propagation mean.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DnsProblem } from '../../../common/contract/schemas/dns';
import { ErrorBanner } from '../../app/ErrorBanner';
import { errorText } from '../../i18n';
import { OperationProgress } from '../../operations/OperationProgress';
import { DnsResultTables } from './DnsResultTable';
import type { DnsRecheck } from './use-dns-recheck';

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function DnsCheckPanel({ recheck }: { recheck: DnsRecheck }) {
  const { t, i18n } = useTranslation('dns');
  const now = useNow(1000);
  const { report, error, checking, snapshot, nextCheckAt, checkNow } = recheck;
  const time = (ms: number) => new Date(ms).toLocaleTimeString(i18n.language);
  return (
    <section className="card" aria-labelledby="dns-check-title" data-testid="dns-check">
      <h2 id="dns-check-title">{t('check.title')}</h2>
      <div className="row" role="status" aria-live="polite">
        {checking ? null : report ? (
          <strong className={report.pass ? 'status-ok' : 'status-bad'} data-testid="dns-verdict" data-pass={report.pass}>
            {report.pass ? t('check.pass', { domain: report.unicodeDomain, ip: report.expectedIpv4 }) : report.propagating ? t('check.propagating') : t('check.fail')}
          </strong>
        ) : null}
        <button type="button" onClick={checkNow} disabled={checking} data-testid="dns-check-now">
          {t('check.now')}
        </button>
      </div>
      {checking && <OperationProgress snapshot={snapshot} />}
      <p className="muted" data-testid="dns-timing">
        {report && t('check.lastChecked', { time: time(report.checkedAt) })}
        {report && nextCheckAt && !checking && ' · '}
        {nextCheckAt && !checking && t('check.nextCheck', { seconds: Math.max(0, Math.ceil((nextCheckAt - now) / 1000)) })}
      </p>
      {error && <ErrorBanner text={errorText(error)} />}
      {report && report.problems.length > 0 && <ProblemList problems={report.problems} />}
      {report && report.nameservers.length > 0 && (
        <p className="muted" data-testid="dns-nameservers">
          {t('check.nameservers', { zone: report.zone ?? report.domain, servers: report.nameservers.map((n) => n.name).join(', ') })}
        </p>
      )}
      {report && <DnsResultTables report={report} />}
      <details className="ttl-note">
        <summary>{t('ttl.title')}</summary>
        <p>{t('ttl.what')}</p>
        <p>{t('ttl.propagation', { ttl: report?.maxTtl ?? 600 })}</p>
        <p>{t('ttl.recheck')}</p>
      </details>
    </section>
  );
}

function ProblemList({ problems }: { problems: DnsProblem[] }) {
  const { t } = useTranslation('dns');
  return (
    <ul className="problem-list" data-testid="dns-problems">
      {problems.map((problem) => (
        <li key={problem.code} data-testid={`dns-problem-${problem.code}`}>
          <strong>{t(`problems.${problem.code}.title`)}</strong>
          <p>{t(`problems.${problem.code}.explain`, problem.values ?? {})}</p>
          <p>
            <span className="fix-label">{t('check.fix')}</span> {t(`problems.${problem.code}.fix`, problem.values ?? {})}
          </p>
        </li>
      ))}
    </ul>
  );
}
