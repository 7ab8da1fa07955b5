import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setupPaths } from '../../common/contract/constants';
import type { ContractError } from '../../common/contract/result';
import type { SetupPath } from '../../common/contract/schemas/setup';
import { api } from '../bridge/api';

/**
 * Where the site runs: a new EC2 server or a server the user already has.
 * Offered on the first step and in Settings; main keeps the choice
 * (`setup.choosePath`) and skips the steps that are not part of it.
 */
export function PathChoice({ path, onError, note = false }: { path: SetupPath | undefined; onError: (error: ContractError) => void; note?: boolean }) {
  const { t } = useTranslation('setup');
  // The click shows at once; the journey model then confirms it (the pending choice stays until the model
  // shows it, so the radio never flips back in between), or the error undoes it.
  // The click is shown while the model still shows the path it had then; any newer model wins.
  const [pending, setPending] = useState<{ to: SetupPath; from: SetupPath | undefined }>();
  const shown = pending && path === pending.from ? pending.to : path;
  const choose = async (next: SetupPath) => {
    setPending({ to: next, from: path });
    const r = await api.invoke['setup.choosePath']({ path: next });
    if (!r.ok) {
      setPending(undefined);
      onError(r.error);
    }
  };
  return (
    <fieldset className="card path-choice" data-testid="path-choice">
      <legend>{t('path.title')}</legend>
      {setupPaths.map((option) => (
        <label key={option} className={`path-option${shown === option ? ' selected' : ''}`}>
          <input type="radio" name="setup-path" value={option} checked={shown === option} onChange={() => void choose(option)} data-testid={`path-${option}`} />
          <span>
            <strong>{t(`path.${option}`)}</strong>
            <span className="muted">{t(`path.${option}Detail`)}</span>
          </span>
        </label>
      ))}
      {note && <p className="muted">{t('path.switchNote')}</p>}
    </fieldset>
  );
}
