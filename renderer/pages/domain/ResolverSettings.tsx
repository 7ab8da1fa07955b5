/** The public resolvers (remount it with a new `key` when the list changes) the check asks (8.8.8.8 and 1.1.1.1 unless the user set others), kept in settings. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { isResolverAddress } from '../../../common/dns/domain-name';
import { api } from '../../bridge/api';

export function ResolverSettings({ resolvers, custom, onChanged, onError }: { resolvers: string[]; custom: boolean; onChanged(): void; onError(error: ContractError): void }) {
  const { t } = useTranslation('dns');
  const [text, setText] = useState(resolvers.join(', '));
  const list = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const valid = list.length > 0 && list.length <= 8 && list.every(isResolverAddress);
  const save = async (dnsResolvers: string[]) => {
    const r = await api.invoke['settings.update']({ dnsResolvers });
    if (r.ok) onChanged();
    else onError(r.error);
  };
  return (
    <details className="card resolver-settings">
      <summary>{t('resolvers.title', { list: resolvers.join(', ') })}</summary>
      <div className="field">
        <label htmlFor="resolver-input">{t('resolvers.label')}</label>
        <input id="resolver-input" data-testid="resolver-input" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="resolver-hint" spellCheck={false} />
        <span id="resolver-hint" className={valid ? 'muted' : 'field-error'}>
          {valid ? t('resolvers.hint') : t('resolvers.invalid')}
        </span>
      </div>
      <div className="row">
        <button type="button" disabled={!valid} onClick={() => void save(list)} data-testid="resolver-save">
          {t('resolvers.save')}
        </button>
        {custom && (
          <button type="button" className="link" onClick={() => void save([])}>
            {t('resolvers.reset')}
          </button>
        )}
      </div>
    </details>
  );
}
