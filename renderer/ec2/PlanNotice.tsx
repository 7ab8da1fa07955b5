import { useTranslation } from 'react-i18next';
import type { AccountPlan } from '../../common/contract/schemas/billing';
import { UPGRADE_PLAN_URL } from '../../common/cost/free-plan';
import { api } from '../bridge/api';

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * The account's plan as main read it: on the Free plan the credits left, the
 * end date and the warning that the account closes then unless upgraded; on
 * the paid plan that every hour is billed; unknown when it could not be read.
 */
export function PlanNotice({ plan }: { plan: AccountPlan }) {
  const { t, i18n } = useTranslation('ec2');
  if (plan.state === 'paid') {
    return (
      <p className="muted hint" data-testid="plan-notice" data-plan="paid">
        {t('plan.paid')}
      </p>
    );
  }
  if (plan.state === 'unknown') {
    return (
      <p className="notice" data-testid="plan-notice" data-plan="unknown">
        {t(plan.reason === 'denied' ? 'plan.unknownDenied' : 'plan.unknownUnavailable')} {t('plan.unknownHelp')}
      </p>
    );
  }
  return (
    <div className="banner banner-warn" role="note" data-testid="plan-notice" data-plan="free">
      <div className="plan-text">
        <p>
          <strong>{t('plan.freeTitle')}</strong> {t('plan.freeTypes')}
        </p>
        {plan.creditsUsd !== undefined && <p>{t('plan.credits', { usd: plan.creditsUsd.toFixed(2) })}</p>}
        {plan.status === 'expired' ? <p>{t('plan.expired')}</p> : plan.endsAt ? <p>{t('plan.endsAt', { date: formatDate(plan.endsAt, i18n.language) })}</p> : <p>{t('plan.endsUnknown')}</p>}
        <p>
          {t('plan.closes')}{' '}
          <button type="button" className="link" onClick={() => void api.invoke['app.openExternal']({ url: UPGRADE_PLAN_URL })}>
            {t('plan.upgrade')}
          </button>
        </p>
      </div>
    </div>
  );
}
