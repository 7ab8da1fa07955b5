/**
 * What the vault's handlers (and the AWS handlers, which store pasted keys and
 * verified account ids) share: the one VaultService, the clipboard guard, files
 * waiting for a passphrase, and `notify()`, which sends `vault.changed` so every
 * page shows the current list. Everything sent is metadata (see item-view.ts).
 */
import type { VaultItem, VaultStatus } from '../../common/contract/schemas/vault';
import type { EventBus } from '../ipc/event-bus';
import type { Platform } from '../platform';
import type { SetupStateStore } from '../setup/state-store';
import { UserFileGrants } from '../files/user-file-grants';
import { ClipboardGuard } from './clipboard-guard';
import type { ItemMeta } from './items';
import { accessKeyIdHint, toVaultItem } from './item-view';
import { PendingImports } from './pending-imports';
import type { VaultService } from './vault-service';

export interface VaultContextDeps {
  vault: VaultService;
  platform: Platform;
  events: EventBus;
  setup: SetupStateStore;
  clipboard?: ClipboardGuard;
  /** Files the user chose, by one-time token (shared with the transports that mint them). */
  files?: UserFileGrants;
  log?: (message: string, error?: unknown) => void;
}

export class VaultContext {
  readonly vault: VaultService;
  readonly platform: Platform;
  readonly setup: SetupStateStore;
  readonly clipboard: ClipboardGuard;
  readonly pending = new PendingImports();
  readonly files: UserFileGrants;
  private readonly hints = new Map<string, string>();

  constructor(private readonly deps: VaultContextDeps) {
    this.vault = deps.vault;
    this.platform = deps.platform;
    this.setup = deps.setup;
    this.clipboard = deps.clipboard ?? new ClipboardGuard(deps.platform);
    this.files = deps.files ?? new UserFileGrants();
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

  /** Oldest first, as the user added them. */
  async items(): Promise<VaultItem[]> {
    const metas = [...this.vault.list()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return Promise.all(metas.map((meta) => this.view(meta)));
  }

  forget(id: string): void {
    this.hints.delete(id);
  }

  /** Sends the current status and list; never fails the caller's operation. */
  async notify(): Promise<void> {
    try {
      const status = await this.vault.status();
      const items = status.locked ? [] : await this.items();
      this.deps.events.emit('vault.changed', { status, items });
    } catch (error) {
      this.deps.log?.('vault.changed could not be sent', error);
    }
  }

  dispose(): void {
    this.clipboard.dispose();
    this.pending.dispose();
    this.hints.clear();
  }
}
