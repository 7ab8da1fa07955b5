/**
 * What the vault's own handlers share: the one VaultService, the clipboard
 * guard, files waiting for a passphrase, and the announcer: it follows the
 * vault's onChange() and sends `vault.changed` {status, items, damaged} so
 * every page shows the current list. Nobody else sends that event. Everything
 * sent is metadata (see item-view.ts). Other capabilities get `secrets` (the
 * narrow SecretStore), never this context.
 */
import type { DamagedVaultItem, VaultItem, VaultStatus } from '../../common/contract/schemas/vault';
import type { EventBus } from '../ipc/event-bus';
import type { Platform } from '../platform';
import type { UiLanguage } from '../../common/contract/schemas/app';
import { UserFileGrants } from '../files/user-file-grants';
import { ClipboardGuard } from './clipboard-guard';
import type { ItemMeta } from './items';
import { accessKeyIdHint, toDamagedItem, toVaultItem } from './item-view';
import { PendingImports } from './pending-imports';
import { secretStoreOf, type SecretStore } from './secret-store';
import type { VaultService } from './vault-service';

export interface VaultContextDeps {
  vault: VaultService;
  platform: Platform;
  events: EventBus;
  clipboard?: ClipboardGuard;
  /** Files the user chose, by one-time token (shared with the transports that mint them). */
  files?: UserFileGrants;
  log?: (message: string, error?: unknown) => void;
  /** The language the window shows: vault items Onramp names are named in it (default English). */
  itemLanguage?: () => UiLanguage;
}

export class VaultContext {
  readonly vault: VaultService;
  readonly secrets: SecretStore;
  readonly platform: Platform;
  readonly clipboard: ClipboardGuard;
  readonly pending = new PendingImports();
  readonly files: UserFileGrants;
  private readonly hints = new Map<string, string>();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: VaultContextDeps) {
    this.vault = deps.vault;
    this.secrets = secretStoreOf(deps.vault);
    this.platform = deps.platform;
    this.clipboard = deps.clipboard ?? new ClipboardGuard(deps.platform);
    this.unsubscribe = deps.vault.onChange(() => this.announce());
    this.files = deps.files ?? new UserFileGrants();
  }

  /** The language the window shows, for names of items Onramp makes. */
  itemLanguage(): UiLanguage {
    return this.deps.itemLanguage?.() ?? 'en';
  }

  async status(): Promise<VaultStatus> {
    return this.vault.status();
  }

  async view(meta: ItemMeta): Promise<VaultItem> {
    if (meta.kind !== 'aws-access-key') return toVaultItem(meta);
    let hint = this.hints.get(meta.id);
    if (hint === undefined) {
      hint = accessKeyIdHint((await this.vault.getSecretOf(meta.id, 'aws-access-key')).accessKeyId);
      this.hints.set(meta.id, hint);
    }
    return toVaultItem(meta, hint);
  }

  /** Oldest first, as the user added them, and the items that cannot be read. Does not re-read the file. */
  async items(): Promise<{ items: VaultItem[]; damaged: DamagedVaultItem[] }> {
    const metas = [...this.vault.list()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const ids = new Set(metas.map((meta) => meta.id));
    for (const id of this.hints.keys()) if (!ids.has(id)) this.hints.delete(id);
    return { items: await Promise.all(metas.map((meta) => this.view(meta))), damaged: this.vault.damaged().map(toDamagedItem) };
  }

  /** Sends the current status and list; never fails the change it follows. */
  private async announce(): Promise<void> {
    try {
      const status = await this.vault.status();
      const lists = status.locked ? { items: [], damaged: [] } : await this.items();
      this.deps.events.emit('vault.changed', { status, ...lists });
    } catch (error) {
      this.deps.log?.('vault.changed could not be sent', error);
    }
  }

  dispose(): void {
    this.unsubscribe();
    void this.clipboard.dispose();
    this.pending.dispose();
    this.hints.clear();
  }
}
