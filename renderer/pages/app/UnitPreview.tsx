/**
 * The systemd unit main would write for the plan as edited (`deploy.previewUnit`),
 * shown as the plan changes; nothing for a static site (nginx serves it, no service).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import type { AppPlanValue } from '../../../common/contract/schemas/deploy';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';

interface Preview {
  path: string;
  text: string;
  environmentFile: string;
}

function usePreviewUnit(plan: AppPlanValue | undefined): { preview: Preview | undefined; error: ContractError | undefined } {
  const [state, setState] = useState<{ key?: string; preview?: Preview; error?: ContractError }>({});
  const key = plan && plan.runtime !== 'static' ? JSON.stringify(plan) : undefined;
  useEffect(() => {
    if (key === undefined) return;
    let alive = true;
    const timer = setTimeout(() => {
      void api.invoke['deploy.previewUnit']({ plan: JSON.parse(key) as AppPlanValue }).then((r) => {
        if (alive) setState(r.ok ? { key, preview: r.value } : { key, error: r.error });
      });
    }, 150);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [key]);
  // A static plan, or an answer for an older plan still on its way: nothing (the last good preview stays while typing).
  if (key === undefined) return { preview: undefined, error: undefined };
  return { preview: state.preview, error: state.key === key ? state.error : undefined };
}

export function UnitPreview({ plan }: { plan: AppPlanValue | undefined }) {
  const { t } = useTranslation('app');
  const { preview, error } = usePreviewUnit(plan);
  if (error)
    return (
      <p className="status-error" role="alert" data-testid="app-unit-error">
        {errorText(error)}
      </p>
    );
  if (!preview?.text) return null;
  return (
    <section className="card" aria-labelledby="app-unit-title" data-testid="app-unit">
      <h2 id="app-unit-title">{t('page.unit.title')}</h2>
      <p className="muted">{t('page.unit.path', { path: preview.path, file: preview.environmentFile })}</p>
      <pre className="config-preview" data-testid="app-unit-text">
        {preview.text}
      </pre>
    </section>
  );
}
