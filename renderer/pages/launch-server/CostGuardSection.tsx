import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountPlan } from '../../../common/contract/schemas/billing';
import { DEFAULT_BUDGET_USD } from '../../../common/cost/free-plan';
import { ErrorBanner } from '../../app/ErrorBanner';
import { errorText } from '../../i18n';
import { OperationProgress } from '../../operations/OperationProgress';
import { useOperation } from '../../operations/use-operation';

/** $10, or on the Free plan its credits (whole dollars, at least 1). */
export function defaultBudgetUsd(plan: AccountPlan | undefined): number {
  if (plan?.state === 'free' && plan.creditsUsd !== undefined && plan.creditsUsd >= 1) return Math.round(plan.creditsUsd);
  return DEFAULT_BUDGET_USD;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The cost guard, in one click: a monthly AWS Budgets budget for this setup
 * with e-mail alerts at 80 % of actual spend and 100 % of the forecast.
 */
export function CostGuardSection({ plan }: { plan: AccountPlan | undefined }) {
  const { t } = useTranslation('ec2');
  const op = useOperation('launch-server.costGuard');
  const [amount, setAmount] = useState<string>('');
  const [email, setEmail] = useState('');
  const amountUsd = amount === '' ? defaultBudgetUsd(plan) : Number(amount);
  const valid = Number.isFinite(amountUsd) && amountUsd >= 1 && amountUsd <= 100_000 && EMAIL.test(email);
  return (
    <section className="card" aria-labelledby="cost-guard-title" data-testid="cost-guard">
      <h2 id="cost-guard-title">{t('budget.title')}</h2>
      <p className="muted hint">{t('budget.why')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void op.start({ amountUsd, email: email.trim() });
        }}
      >
        <div className="row">
          <label htmlFor="budget-amount">{t('budget.amount')}</label>
          <input id="budget-amount" type="number" min={1} max={100000} step={1} value={amount === '' ? String(amountUsd) : amount} onChange={(e) => setAmount(e.target.value)} />
          <label htmlFor="budget-email">{t('budget.email')}</label>
          <input id="budget-email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <p className="muted hint">{t('budget.alerts')}</p>
        <button type="submit" disabled={!valid || op.running} data-testid="cost-guard-start">
          {t('budget.start')}
        </button>
      </form>
      <OperationProgress snapshot={op.snapshot} onCancel={() => void op.cancel()} />
      {op.error && <ErrorBanner text={errorText(op.error)} />}
      {op.result && (
        <p role="status" data-testid="cost-guard-result">
          {t(op.result.created ? 'budget.created' : 'budget.kept', { name: op.result.name, usd: op.result.amountUsd.toFixed(2), emails: op.result.emails.join(', ') })}
        </p>
      )}
    </section>
  );
}
