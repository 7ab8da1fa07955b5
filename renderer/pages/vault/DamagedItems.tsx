import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import type { DamagedVaultItem } from '../../../common/contract/schemas/vault';
import { api } from '../../bridge/api';
import { Dialog } from '../../app/Dialog';
import type { Notice } from './use-item-actions';

interface Props {
  damaged: DamagedVaultItem[];
  onNotice: (notice: Notice) => void;
  onError: (error: ContractError) => void;
}

/**
 * Entries the vault cannot read, apart from the working ones: why, and the two
 * things the user can do: export the encrypted entry as it is, or delete it
 * (after a confirmation). Nothing is deleted otherwise.
 */
export function DamagedItems({ damaged, onNotice, onError }: Props) {
  const { t } = useTranslation('vault');
  const [confirming, setConfirming] = useState<DamagedVaultItem>();
  const [busy, setBusy] = useState(false);
  if (damaged.length === 0) return null;

  const exportRaw = async (item: DamagedVaultItem) => {
    setBusy(true);
    const saved = await api.invoke['vault.exportRaw']({ id: item.id, title: t('damaged.exportRawTitle') });
    setBusy(false);
    if (!saved.ok) onError(saved.error);
    else if (saved.value.status === 'saved') onNotice({ text: t('notices.exported'), code: saved.value.path });
  };
  const remove = async (item: DamagedVaultItem) => {
    setBusy(true);
    const removed = await api.invoke['vault.remove']({ id: item.id });
    setBusy(false);
    setConfirming(undefined);
    if (!removed.ok) onError(removed.error);
    else onNotice({ text: t('damaged.removed') });
  };

  return (
    <section className="banner banner-warn damaged-items" aria-labelledby="vault-damaged-title" data-testid="vault-damaged">
      <h2 id="vault-damaged-title">{t('damaged.title')}</h2>
      <p>{t('damaged.intro')}</p>
      <ul>
        {damaged.map((item) => (
          <li key={item.id} data-testid="vault-damaged-item" data-reason={item.reason}>
            <div>
              <span className="kind-tag">{item.itemKind ? t(`kinds.${item.itemKind}`) : t('damaged.kindUnknown')}</span>{' '}
              {t('damaged.row', { reason: t(`damaged.reasons.${item.reason}`) })}
              <div className="muted small-text mono wrap">{item.id}</div>
            </div>
            <div className="item-actions">
              <button type="button" className="small" disabled={busy} onClick={() => void exportRaw(item)} aria-label={t('damaged.exportRawNamed', { id: item.id })}>
                {t('damaged.exportRaw')}
              </button>
              <button type="button" className="small danger" disabled={busy} onClick={() => setConfirming(item)} aria-label={t('damaged.removeNamed', { id: item.id })}>
                {t('damaged.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {confirming && (
        <Dialog
          title={t('damaged.removeTitle')}
          submitLabel={t('damaged.remove')}
          danger
          busy={busy}
          onSubmit={() => void remove(confirming)}
          onClose={() => setConfirming(undefined)}
          testId="vault-damaged-remove-dialog"
        >
          <p>{t('damaged.removeBody')}</p>
        </Dialog>
      )}
    </section>
  );
}
