/**
 * `vault.export`, the one way anything leaves the vault into a file (the ssh
 * command for an exported key is `ssh.copyCommand`). The file is chosen in a main-side
 * save dialog and written by main with mode 0600; the renderer learns only the
 * path. An existing file is never replaced (vault.exportTargetExists), since
 * not every platform's save dialog asks before overwriting.
 */
import path from 'node:path';
import type { ExportFormat } from '../../common/contract/schemas/vault';
import type { ParsedRequestOf, ResponseOf } from '../../common/contract/types';
import { vaultError } from './errors';
import { exportAccessKeyCsv, exportConsoleLoginCsv, exportSshKey } from './export';
import type { ItemMeta, ItemMetaOf } from './items';
import { writeSecretFile } from './secret-file';
import type { VaultContext } from './vault-context';

const KEY_FORMATS = ['openssh', 'pem', 'ppk'] as const;
type KeyFormat = (typeof KEY_FORMATS)[number];

function isKeyFormat(format: ExportFormat): format is KeyFormat {
  return (KEY_FORMATS as readonly string[]).includes(format);
}

/** A file name made from a label: letters, digits, dot, dash and underscore only. */
export function safeFileStem(label: string): string {
  const stem = label.normalize('NFKC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+|_+$/g, '');
  return stem.slice(0, 80) || 'onramp';
}

function keyFormatFor(meta: ItemMetaOf<'ssh-key'>, requested: ExportFormat | undefined): KeyFormat {
  const format = requested ?? (meta.keyType === 'rsa' ? 'pem' : 'openssh');
  // Ed25519 has no PEM form OpenSSH reads: say so before the save dialog, not after.
  if (!isKeyFormat(format) || (format === 'pem' && meta.keyType === 'ed25519')) {
    throw vaultError('exportFormatUnsupported', `SSH keys cannot be exported as ${format}.`, { keyType: meta.keyType, format });
  }
  return format;
}

/** App settings never leave the vault into a file (they reach only the server's EnvironmentFile). */
function settingsNotExported() {
  return vaultError('settingsStayInVault', 'App settings cannot be exported or copied.');
}

function defaultName(meta: ItemMeta, keyFormat?: KeyFormat): string {
  switch (meta.kind) {
    case 'ssh-key':
      return `${safeFileStem(meta.awsKeyPairName ?? meta.label)}.${keyFormat === 'ppk' ? 'ppk' : 'pem'}`;
    case 'console-login':
      return `${safeFileStem(meta.label)}_credentials.csv`;
    case 'aws-access-key':
      return `${safeFileStem(meta.label)}_accessKeys.csv`;
    case 'app-settings':
      throw settingsNotExported();
  }
}

export async function exportItem(context: VaultContext, request: ParsedRequestOf<'vault.export'>): Promise<ResponseOf<'vault.export'>> {
  const { vault, platform } = context;
  const meta = vault.get(request.id);
  if (meta.kind === 'app-settings') throw settingsNotExported();
  if (meta.kind !== 'ssh-key' && request.format !== undefined && request.format !== 'csv') {
    throw vaultError('exportFormatUnsupported', `This item can only be exported as CSV.`, { keyType: meta.kind, format: request.format });
  }
  const keyFormat = meta.kind === 'ssh-key' ? keyFormatFor(meta, request.format) : undefined;
  const filters = keyFormat
    ? [{ name: keyFormat === 'ppk' ? 'PuTTY' : 'OpenSSH', extensions: [keyFormat === 'ppk' ? 'ppk' : 'pem'] }]
    : [{ name: 'CSV', extensions: ['csv'] }];
  const target = await platform.chooseSaveFile({ title: request.title ?? 'Export', defaultName: defaultName(meta, keyFormat), filters });
  if (!target) return { status: 'cancelled' };

  if (meta.kind === 'ssh-key') {
    await exportSshKey(context.secrets, meta.id, target, { format: keyFormat });
    if (keyFormat !== 'ppk') await vault.updateMeta(meta.id, { exportPath: target });
  } else if (meta.kind === 'console-login') {
    await exportConsoleLoginCsv(context.secrets, meta.id, target);
  } else {
    await exportAccessKeyCsv(context.secrets, meta.id, target);
  }
  return { status: 'saved', path: target, fileName: path.basename(target) };
}

/**
 * "Export raw" for an item the vault cannot read: its record exactly as stored
 * (still encrypted), 0600, to a file the user picks; never replaces a file.
 */
export async function exportRaw(context: VaultContext, request: ParsedRequestOf<'vault.exportRaw'>): Promise<ResponseOf<'vault.exportRaw'>> {
  const text = context.vault.damagedRecordText(request.id); // vault.itemNotFound unless it is a damaged item
  const target = await context.platform.chooseSaveFile({
    title: request.title ?? 'Export raw',
    defaultName: `onramp-damaged-item-${safeFileStem(request.id)}.json`,
    filters: [{ name: 'JSON', extensions: ['json'] }],
  });
  if (!target) return { status: 'cancelled' };
  await writeSecretFile(target, text);
  return { status: 'saved', path: target, fileName: path.basename(target) };
}
