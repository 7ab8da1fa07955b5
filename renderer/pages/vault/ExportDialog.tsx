import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, VaultItem } from '../../../common/contract/schemas/vault';
import { Dialog } from '../../app/Dialog';

function formatsFor(item: VaultItem): ExportFormat[] {
  if (item.kind !== 'ssh-key') return ['csv'];
  return item.keyType === 'ed25519' ? ['openssh', 'ppk'] : ['pem', 'openssh', 'ppk'];
}

/** Export asks first: the file will hold the secret unencrypted. Confirming opens the save dialog (in main). */
export function ExportDialog({ item, busy, onExport, onClose }: { item: VaultItem; busy: boolean; onExport: (format: ExportFormat) => void; onClose: () => void }) {
  const { t } = useTranslation('vault');
  const formats = formatsFor(item);
  const [format, setFormat] = useState<ExportFormat>(formats[0] ?? 'csv');
  return (
    <Dialog title={t('export.title', { label: item.label })} submitLabel={t('export.confirm')} busy={busy} onSubmit={() => onExport(format)} onClose={onClose} testId="vault-export-dialog" focusSubmit>
      <p className="banner banner-warn">{t(`export.warning.${item.kind}`)}</p>
      <p className="muted">{t('export.mode')}</p>
      {formats.length > 1 && (
        <div className="field">
          <label htmlFor="vault-export-format">{t('export.format')}</label>
          <select id="vault-export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {formats.map((f) => (
              <option key={f} value={f}>
                {t(`export.formats.${f}`)}
              </option>
            ))}
          </select>
        </div>
      )}
    </Dialog>
  );
}
