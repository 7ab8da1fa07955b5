import { useState, type ReactNode } from 'react';
import type { ContractError } from '../../common/contract/result';
import type { ImportResponse } from '../../common/contract/schemas/vault';
import { api } from '../bridge/api';
import type { ImportSource } from './file-source';
import { PassphraseDialog } from './PassphraseDialog';

type Imported = Extract<ImportResponse, { status: 'imported' }>;

export interface UseImport {
  /** Imports one file; resolves true when it was imported (false: cancelled, failed or waiting for a passphrase). */
  run: (source: ImportSource, passphrase?: string) => Promise<boolean>;
  busy: boolean;
  /** The passphrase prompt, when an encrypted key is waiting for one. */
  dialog: ReactNode;
}

/** `vault.import` with the passphrase round trip: needsPassphrase → ask → retry with the same file. */
export function useImport(onImported: (result: Imported) => void, onError: (error: ContractError) => void): UseImport {
  const [asking, setAsking] = useState<{ retryId: string; fileName: string; wrong: boolean; attempt: number }>();
  const [busy, setBusy] = useState(false);

  const run = async (source: ImportSource, passphrase?: string): Promise<boolean> => {
    setBusy(true);
    const result = await api.invoke['vault.import']({ source, ...(passphrase === undefined ? {} : { passphrase }) });
    setBusy(false);
    if (!result.ok) {
      setAsking(undefined);
      onError(result.error);
      return false;
    }
    const value = result.value;
    if (value.status === 'needsPassphrase') {
      setAsking((prev) => ({ retryId: value.retryId, fileName: value.fileName, wrong: value.wrongPassphrase, attempt: (prev?.attempt ?? 0) + 1 }));
      return false;
    }
    setAsking(undefined);
    if (value.status === 'imported') onImported(value);
    return value.status === 'imported';
  };

  const dialog = asking && (
    <PassphraseDialog
      key={`${asking.retryId}-${asking.attempt}`}
      fileName={asking.fileName}
      wrong={asking.wrong}
      busy={busy}
      onSubmit={(passphrase) => void run({ kind: 'retry', retryId: asking.retryId }, passphrase)}
      onClose={() => setAsking(undefined)}
    />
  );
  return { run, busy, dialog };
}
