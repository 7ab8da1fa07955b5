import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../common/contract/result';
import type { SetupsView } from '../../common/contract/schemas/setups';
import { api } from '../bridge/api';
import { errorText } from '../i18n';
import { ErrorBanner } from './ErrorBanner';

/** The name a setup shows: its own, else "Setup 2" by its place in the list. */
export function setupLabel(setups: SetupsView, id: string, t: (key: string, values: { n: number }) => string): string {
  const index = setups.setups.findIndex((s) => s.id === id);
  const entry = setups.setups[index];
  return entry?.name ? entry.name : t('setups:unnamed', { n: index + 1 });
}

/** Every setup of this computer: create, rename, switch, delete (a setup with AWS resources left is refused by main). */
export function SetupsCard({ setups }: { setups: SetupsView }) {
  const { t } = useTranslation('setups');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string }>();
  const [error, setError] = useState<ContractError>();
  const run = async (call: () => Promise<{ ok: true } | { ok: false; error: ContractError }>) => {
    setError(undefined);
    const result = await call();
    if (!result.ok) setError(result.error);
    return result.ok;
  };
  return (
    <section className="card" aria-labelledby="setups-title" data-testid="setups">
      <h2 id="setups-title">{t('title')}</h2>
      <p className="muted">{t('why')}</p>
      <ul className="setups-list">
        {setups.setups.map((setup) => {
          const active = setup.id === setups.active;
          const label = setupLabel(setups, setup.id, t);
          return (
            <li key={setup.id} data-testid="setup-entry" data-active={active ? 'true' : 'false'}>
              {editing?.id === setup.id ? (
                <form
                  className="row"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void run(() => api.invoke['setups.rename'](editing)).then((ok) => ok && setEditing(undefined));
                  }}
                >
                  <input aria-label={t('name')} value={editing.name} maxLength={80} onChange={(e) => setEditing({ id: setup.id, name: e.target.value })} data-testid="setup-rename-input" />
                  <button type="submit">{t('save')}</button>
                </form>
              ) : (
                <span className="row">
                  <strong>{label}</strong>
                  {active ? <span className="muted">{t('active')}</span> : (
                    <button type="button" onClick={() => void run(() => api.invoke['setups.switch']({ id: setup.id }))} data-testid="setup-switch">
                      {t('switch')}
                    </button>
                  )}
                  <button type="button" className="link" onClick={() => setEditing({ id: setup.id, name: setup.name })}>
                    {t('rename')}
                  </button>
                  {!active && (
                    <button type="button" className="link danger" onClick={() => void run(() => api.invoke['setups.delete']({ id: setup.id }))} data-testid="setup-delete">
                      {t('delete')}
                    </button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.invoke['setups.create']({ name })).then((ok) => ok && setName(''));
        }}
      >
        <input aria-label={t('name')} placeholder={t('newName')} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} data-testid="setup-new-name" />
        <button type="submit" data-testid="setup-create">
          {t('create')}
        </button>
      </form>
      {error && <ErrorBanner text={errorText(error)} onDismiss={() => setError(undefined)} />}
    </section>
  );
}
