import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { taggedResourcesResponse } from '../../../common/contract/schemas/ec2';
import { formatDate } from '../../ec2/PlanNotice';

type Resources = z.infer<typeof taggedResourcesResponse>;

/**
 * The month's total (instances + gp3 volumes + public IPv4, 730 h) with its
 * parts, and on the Free plan how long the credits last at that rate and when
 * the plan ends (the account closes then unless upgraded).
 */
export function CostSummary({ resources }: { resources: Resources }) {
  const { t, i18n } = useTranslation('ec2');
  const { monthly, plan } = resources;
  return (
    <div data-testid="monthly-cost">
      <p>
        <strong>{t('done.monthly', { usd: monthly.totalUsd.toFixed(2) })}</strong>
      </p>
      <p className="muted">
        {t('done.monthlyParts', { instance: monthly.instanceUsd.toFixed(2), volume: monthly.volumeUsd.toFixed(2), ipv4: monthly.publicIpv4Usd.toFixed(2) })}
      </p>
      {!monthly.complete && <p className="notice">{t('done.monthlyPartial')}</p>}
      <p className="muted hint">{t('form.estimateNote', { date: monthly.priceDate })}</p>
      {plan.state === 'free' && (
        <p data-testid="credit-runway">
          {resources.creditMonths !== undefined && plan.creditsUsd !== undefined
            ? t('done.creditsLast', { usd: plan.creditsUsd.toFixed(2), months: resources.creditMonths })
            : t('done.creditsUnknown')}{' '}
          {plan.endsAt ? t('done.planEnds', { date: formatDate(plan.endsAt, i18n.language) }) : ''}
        </p>
      )}
    </div>
  );
}
