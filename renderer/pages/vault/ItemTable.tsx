import { useTranslation } from 'react-i18next';
import type { ServerTarget } from '../../../common/contract/schemas/journey';
import type { VaultItem } from '../../../common/contract/schemas/vault';
import { formatDate, itemDetail, serverOf } from './item-text';

export type ItemAction = 'copyPassword' | 'copySshCommand' | 'export' | 'edit' | 'remove';

/** The vault's entries: kind, name, fingerprint or account, date added, and what can be done with each. */
export function ItemTable({ items, servers, onAction }: { items: VaultItem[]; servers: readonly ServerTarget[]; onAction: (action: ItemAction, item: VaultItem) => void }) {
  const { t, i18n } = useTranslation('vault');
  if (items.length === 0) {
    return (
      <p className="notice" data-testid="vault-empty">
        {t('list.empty')}
      </p>
    );
  }
  const button = (action: ItemAction, item: VaultItem, className = '') => (
    <button type="button" className={`small ${className}`} onClick={() => onAction(action, item)} aria-label={t(`actions.${action}Named`, { label: item.label })}>
      {t(`actions.${action}`)}
    </button>
  );
  return (
    <table className="vault-table" data-testid="vault-items">
      <caption className="sr-only">{t('list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('list.kind')}</th>
          <th scope="col">{t('list.label')}</th>
          <th scope="col">{t('list.detail')}</th>
          <th scope="col">{t('list.created')}</th>
          <th scope="col">
            <span className="sr-only">{t('list.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const server = serverOf(item, servers);
          return (
            <tr key={item.id} data-kind={item.kind} data-testid="vault-item">
              <td>
                <span className={`kind-tag kind-${item.kind}`}>{t(`kinds.${item.kind}`)}</span>
              </td>
              <td className="item-label">
                {item.label}
                {server && <div className="muted small-text">{t('list.server', { host: server })}</div>}
              </td>
              <td className="mono item-detail">{itemDetail(item, t)}</td>
              <td className="nowrap">{formatDate(item.createdAt, i18n.language)}</td>
              <td>
                <div className="item-actions">
                  {item.kind === 'console-login' && button('copyPassword', item)}
                  {server && button('copySshCommand', item)}
                  {item.kind !== 'app-settings' && button('export', item)}
                  {button('edit', item)}
                  {button('remove', item, 'danger')}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
