import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultItem } from '../../../common/contract/schemas/vault';
import { Dialog } from '../../app/Dialog';

export interface EditResult {
  label: string;
  /** SSH keys only; '' removes the link to a server. */
  serverHost?: string;
}

/** Rename an entry; for an SSH key also the server it opens (for "Copy ssh command"). */
export function EditDialog({ item, busy, onSave, onClose }: { item: VaultItem; busy: boolean; onSave: (result: EditResult) => void; onClose: () => void }) {
  const { t } = useTranslation('vault');
  const [label, setLabel] = useState(item.label);
  const [serverHost, setServerHost] = useState(item.kind === 'ssh-key' ? (item.serverHost ?? '') : '');
  const hostValid = /^[A-Za-z0-9.:-]*$/.test(serverHost.trim());
  return (
    <Dialog
      title={t('edit.title', { label: item.label })}
      submitLabel={t('edit.save')}
      busy={busy}
      submitDisabled={label.trim() === '' || !hostValid}
      onSubmit={() => onSave(item.kind === 'ssh-key' ? { label: label.trim(), serverHost: serverHost.trim() } : { label: label.trim() })}
      onClose={onClose}
      testId="vault-edit-dialog"
    >
      <div className="field">
        <label htmlFor="vault-edit-label">{t('edit.label')}</label>
        <input id="vault-edit-label" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
      </div>
      {item.kind === 'ssh-key' && (
        <div className="field">
          <label htmlFor="vault-edit-server">{t('edit.server')}</label>
          <input
            id="vault-edit-server"
            value={serverHost}
            maxLength={253}
            placeholder="203.0.113.10"
            aria-invalid={!hostValid || undefined}
            aria-describedby="vault-edit-server-hint"
            onChange={(e) => setServerHost(e.target.value)}
          />
          <p id="vault-edit-server-hint" className="muted">
            {hostValid ? t('edit.serverHint') : t('edit.serverInvalid')}
          </p>
        </div>
      )}
    </Dialog>
  );
}
