import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import { ImportPanel } from '../../vault/ImportPanel';
import { useImport } from '../../vault/use-import';
import { useVault } from '../../vault/use-vault';
import { VaultGate } from '../../vault/VaultGate';
import { PasteKeyForm } from './PasteKeyForm';

/** Pick an access key from the vault, import the CSV AWS gave you, or paste a key (stored in the vault). */
export function VaultKeySource({ itemId, onChange, onError }: { itemId: string; onChange: (itemId: string) => void; onError: (error: ContractError | undefined) => void }) {
  const { t } = useTranslation('aws');
  const vault = useVault();
  const [pasting, setPasting] = useState(false);
  /** What the last import brought in, said out loud (the select changing alone is easy to miss). */
  const [imported, setImported] = useState<{ label: string } | 'noKey'>();
  const importer = useImport((result) => {
    onError(undefined);
    const key = result.items.find((item) => item.kind === 'aws-access-key');
    setImported(key ? { label: key.label } : 'noKey');
    if (key) onChange(key.id);
  }, onError);
  // With nothing chosen yet, the newest access key is preselected.
  const newestKey = vault.view?.items.filter((item) => item.kind === 'aws-access-key').at(-1)?.id;
  useEffect(() => {
    if (!itemId && newestKey) onChange(newestKey);
  }, [itemId, newestKey, onChange]);

  return (
    <VaultGate vault={vault}>
      {(view) => {
        const keys = view.items.filter((item) => item.kind === 'aws-access-key');
        return (
          <div className="source-panel" data-testid="aws-vault-source">
            {keys.length > 0 ? (
              <div className="field">
                <label htmlFor="aws-vault-key">{t('vaultSource.pick')}</label>
                <select id="aws-vault-key" value={itemId} onChange={(e) => onChange(e.target.value)}>
                  <option value="">{t('vaultSource.choose')}</option>
                  {keys.map((key) => (
                    <option key={key.id} value={key.id}>
                      {key.label}
                      {key.kind === 'aws-access-key' && (key.accountId ? ` — ${key.accountId}` : key.keyIdHint ? ` — ${key.keyIdHint}` : '')}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <p className="muted">{t('vaultSource.none')}</p>
            )}
            <ImportPanel importer={importer} onError={onError} compact />
            {imported && (
              <p className={imported === 'noKey' ? 'notice' : 'status-ok'} role="status" data-testid="aws-imported">
                {imported === 'noKey' ? t('vaultSource.importedNoKey') : t('vaultSource.imported', { label: imported.label })}
              </p>
            )}
            {pasting ? (
              <PasteKeyForm
                onAdded={(id) => {
                  setPasting(false);
                  onError(undefined);
                  onChange(id);
                }}
                onError={onError}
                onCancel={() => setPasting(false)}
              />
            ) : (
              <div>
                <button type="button" className="secondary" onClick={() => setPasting(true)}>
                  {t('paste.open')}
                </button>
              </div>
            )}
          </div>
        );
      }}
    </VaultGate>
  );
}
