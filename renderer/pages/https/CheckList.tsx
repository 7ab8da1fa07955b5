/** Preflight and verification results: one line per check with its state, explanation and (for DNS) each reason with the fix. */
import { useTranslation } from 'react-i18next';
import type { MessageRef } from '../../../common/contract/schemas/operations';
import { CodeText } from '../../app/CodeText';

export interface CheckRow {
  id: string;
  state: 'pass' | 'fail' | 'skipped' | 'warn';
  detail?: MessageRef;
  reasons?: MessageRef[];
}

export function CheckList({ title, group, checks, testId }: { title: string; group: 'preflight' | 'verify'; checks: CheckRow[]; testId: string }) {
  const { t } = useTranslation('server');
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      <ul className="check-list">
        {checks.map((check) => (
          <li key={check.id} data-check={check.id} data-state={check.state}>
            <span className={`check-state check-${check.state}`}>{t(`preflight.states.${check.state}`)}</span>
            <span>
              <strong>{t(`${group}.checks.${check.id}`)}</strong>
              {check.detail && (
                <>
                  {' — '}
                  <CodeText text={t(check.detail.key, check.detail.values)} />
                </>
              )}
              {check.reasons && check.reasons.length > 0 && (
                <ul className="check-reasons">
                  {check.reasons.map((reason, index) => (
                    <li key={index}>
                      <CodeText text={t(reason.key, reason.values)} />
                    </li>
                  ))}
                </ul>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
