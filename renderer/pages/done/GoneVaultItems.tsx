import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import type { SetupVaultItem } from '../../../common/contract/schemas/journey';
import { ErrorBanner } from '../../app/ErrorBanner';
import { api } from '../../bridge/api';
import { errorText } from '../../i18n';

/**
 * The setup's vault items whose resource is gone (the journey model marks them):
 * what each belonged to, and one button that deletes them all from the vault.
 */
export function GoneVaultItems({ items }: { items: readonly SetupVaultItem[] }) {
  const { t } = useTranslation('journey');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError>();
  const gone = items.filter((item) => item.gone && !item.missing && item.role !== 'own-server-key');
  const unique = gone.filter((item, i) => gone.findIndex((other) => other.itemId === item.itemId) === i);
  if (unique.length === 0) return null;
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    const result = await api.invoke['journey.deleteGoneItems']({});
    setBusy(false);
    if (!result.ok) setError(result.error);
  };
  return (
    <section className="card" aria-labelledby="gone-items-title" data-testid="gone-vault-items">
      <h2 id="gone-items-title">{t('gone.title')}</h2>
      <ul>
        {unique.map((item) => (
          <li key={item.itemId}>
            {t('gone.item', { label: item.label || item.itemId, what: t(`gone.roles.${item.role}`, { name: item.belongsTo }) })}
          </li>
        ))}
      </ul>
      <button type="button" className="danger" disabled={busy} onClick={() => void remove()} data-testid="gone-vault-items-delete">
        {t('gone.delete', { count: unique.length })}
      </button>
      {error && <ErrorBanner text={errorText(error)} />}
    </section>
  );
}
