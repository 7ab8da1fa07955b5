import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../common/contract/result';
import type { ServerTarget } from '../../../common/contract/schemas/journey';
import type { ExportFormat, VaultItem } from '../../../common/contract/schemas/vault';
import { api } from '../../bridge/api';
import { Dialog } from '../../app/Dialog';
import { EditDialog, type EditResult } from './EditDialog';
import { ExportDialog } from './ExportDialog';
import { commandTargetOf } from './item-text';
import type { ItemAction } from './ItemTable';

export interface Notice {
  text: string;
  code?: string;
}

type Open = { action: 'export' | 'edit' | 'remove'; item: VaultItem } | undefined;

/** What each row button does; dialogs for export (confirm first), edit and delete (confirm). */
export function useItemActions(servers: readonly ServerTarget[], onError: (error: ContractError) => void) {
  const { t } = useTranslation('vault');
  const [open, setOpen] = useState<Open>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  const call = async <T,>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: ContractError }>): Promise<T | undefined> => {
    setBusy(true);
    const result = await work();
    setBusy(false);
    if (result.ok) return result.value;
    onError(result.error);
    return undefined;
  };

  const act = async (action: ItemAction, item: VaultItem) => {
    setNotice(undefined);
    if (action === 'copyPassword') {
      const copied = await call(() => api.invoke['vault.copySecret']({ id: item.id }));
      if (copied) setNotice({ text: t('notices.passwordCopied', { seconds: copied.clearsAfterSeconds }) });
    } else if (action === 'copySshCommand') {
      const target = commandTargetOf(item, servers);
      const copied = target ? await call(() => api.invoke['ssh.copyCommand']({ target })) : undefined;
      if (copied) setNotice({ text: t('notices.commandCopied'), code: copied.command });
    } else {
      setOpen({ action, item });
    }
  };

  const doExport = async (item: VaultItem, format: ExportFormat) => {
    const saved = await call(() => api.invoke['vault.export']({ id: item.id, format, title: t('export.dialogTitle', { label: item.label }) }));
    setOpen(undefined);
    if (saved?.status === 'saved') setNotice({ text: t('notices.exported'), code: saved.path });
  };
  const doEdit = async (item: VaultItem, edit: EditResult) => {
    if (edit.label !== item.label && !(await call(() => api.invoke['vault.rename']({ id: item.id, label: edit.label })))) return;
    const currentHost = item.kind === 'ssh-key' ? (item.serverHost ?? '') : '';
    if (edit.serverHost !== undefined && edit.serverHost !== currentHost) {
      if (!(await call(() => api.invoke['vault.setServerHost']({ id: item.id, serverHost: edit.serverHost ?? '' })))) return;
    }
    setOpen(undefined);
  };
  const doRemove = async (item: VaultItem) => {
    const removed = await call(() => api.invoke['vault.remove']({ id: item.id }));
    setOpen(undefined);
    if (removed) setNotice({ text: t('notices.removed', { label: item.label }) });
  };

  const close = () => setOpen(undefined);
  let dialog: ReactNode = null;
  if (open?.action === 'export') {
    const item = open.item;
    dialog = <ExportDialog item={item} busy={busy} onExport={(format) => void doExport(item, format)} onClose={close} />;
  } else if (open?.action === 'edit') {
    const item = open.item;
    dialog = <EditDialog item={item} busy={busy} onSave={(edit) => void doEdit(item, edit)} onClose={close} />;
  } else if (open?.action === 'remove') {
    const item = open.item;
    dialog = (
      <Dialog title={t('remove.title', { label: item.label })} submitLabel={t('remove.confirm')} danger busy={busy} onSubmit={() => void doRemove(item)} onClose={close} testId="vault-remove-dialog">
        <p>{t(`remove.body.${item.kind}`)}</p>
      </Dialog>
    );
  }
  return { act, dialog, notice, show: setNotice, clearNotice: () => setNotice(undefined) };
}
