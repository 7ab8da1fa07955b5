import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../common/contract/result';
import { chooseSource, isContractError, sourceForFile } from './file-source';
import type { UseImport } from './use-import';

/**
 * "Import a file…" (the system's open dialog, run by main; in the test host,
 * the page's own picker) and a drop zone for .csv and key files. A dropped or
 * picked file reaches main as a one-time token, never as a path.
 */
export function ImportPanel({ importer, onError, compact }: { importer: UseImport; onError: (error: ContractError) => void; compact?: boolean }) {
  const { t } = useTranslation('vault');
  const [over, setOver] = useState(false);

  const onDrop = async (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    for (const file of Array.from(event.dataTransfer.files)) {
      const source = await sourceForFile(file);
      if (isContractError(source)) return onError(source);
      if (!(await importer.run(source))) return;
    }
  };

  const onChoose = async () => {
    const source = await chooseSource(t('import.dialogTitle'));
    if (source === null) return;
    if (isContractError(source)) return onError(source);
    await importer.run(source);
  };

  return (
    <div
      className={`drop-zone${over ? ' over' : ''}${compact ? ' compact' : ''}`}
      data-testid="vault-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => void onDrop(event)}
    >
      <button type="button" className="primary" disabled={importer.busy} onClick={() => void onChoose()}>
        {t('import.choose')}
      </button>
      <span className="muted">{t('import.dropHint')}</span>
      {importer.busy && (
        <span role="status" className="progress">
          <span className="spinner" aria-hidden="true" />
          {t('import.busy')}
        </span>
      )}
      {importer.dialog}
    </div>
  );
}
