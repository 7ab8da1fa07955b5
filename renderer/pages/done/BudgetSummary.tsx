import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../app/ErrorBanner';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';
import { useLoad } from '../../bridge/use-load';

/** The setup's cost guard as it is in AWS Budgets: its amount and where the alerts go, or that there is none. */
export function BudgetSummary({ reloadKey }: { reloadKey: string }) {
  const { t } = useTranslation('ec2');
  const budget = useLoad(() => api.invoke['ec2.budget']({}), reloadKey);
  return (
    <div data-testid="budget-summary">
      {budget.error && <ErrorBanner text={errorText(budget.error)} onDismiss={budget.reload} />}
      {budget.value &&
        (budget.value.budget ? (
          <p>{t('done.budget', { name: budget.value.budget.name, usd: budget.value.budget.amountUsd.toFixed(2), emails: budget.value.budget.emails.join(', ') })}</p>
        ) : (
          <p className="muted">{t('done.noBudget')}</p>
        ))}
    </div>
  );
}
